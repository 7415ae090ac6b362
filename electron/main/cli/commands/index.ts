/** Every `dingxing` command, in the order --help lists them. */
import type { CliCommand } from '../command';
import { initCommand } from './init';
import { serveCommand } from './serve';
import { backupCommand, restoreCommand } from './backup';
import { unitsImportCommand } from './units-import';
import { unitsListCommand } from './units-list';
import { scoreCommand } from './score';
import { rescoreCommand } from './rescore';
import { rubricImportCommand, rubricListCommand, rubricShowCommand } from './rubric';
import { assessmentsImportCommand, assessmentsListCommand } from './assessments';
import { demoCommand } from './demo';
import { auditCheckpointCommand, auditVerifyCommand } from './audit';
import { usersAddCommand, usersDisableCommand, usersListCommand } from './users';
import { certificateIssueCommand, certificateListCommand, certificatePrintCommand, certificateRevokeCommand } from './certificates';
import { verifyCommand } from './verify';
import { reportCommand } from './report';
import { verifierExportCommand } from './verifier';
import { identityCreateCommand, identityExportCommand, identityShowCommand, workstationNameCommand } from './identity';
import { dingCommand, dingInputsImportCommand } from './ding';
import { summaryCommand } from './summary';
import { exportCommand, importCommand } from './bundles';
import { trustAcknowledgeCommand, trustAddCommand, trustDistrictsCommand, trustListCommand, trustRevokeCommand } from './trust';
import { conflictsListCommand, conflictsResolveCommand } from './conflicts';
import { planImportCommand, planListCommand } from './plan';
import { verificationAddressCommand } from './verification';

export const commands: CliCommand[] = [initCommand, serveCommand, backupCommand, restoreCommand, unitsImportCommand, unitsListCommand, scoreCommand, rescoreCommand, rubricImportCommand, rubricListCommand, rubricShowCommand, assessmentsImportCommand, assessmentsListCommand, demoCommand, auditVerifyCommand, auditCheckpointCommand, usersAddCommand, usersListCommand, usersDisableCommand, certificateIssueCommand, certificatePrintCommand, certificateListCommand, certificateRevokeCommand, reportCommand, verifyCommand, verifierExportCommand, identityCreateCommand, identityShowCommand, identityExportCommand, workstationNameCommand, verificationAddressCommand, dingCommand, dingInputsImportCommand, summaryCommand, exportCommand, importCommand, trustAddCommand, trustListCommand, trustRevokeCommand, trustAcknowledgeCommand, trustDistrictsCommand, conflictsListCommand, conflictsResolveCommand, planImportCommand, planListCommand];
