/** Handlers of the scoring and rubric procedures: thin calls into electron/main/scoring and rubric/. */
import { DxError } from '@shared/api/errors';
import type { scoringProcedures } from '@shared/api/procedures/scoring';
import { parseAssessmentDocument } from '@shared/assessment/document';
import type { HandlerMap } from '../dispatch';
import type { CoreServices } from '../core-services';
import { findPack, getRubricPack, listPacks } from '../../rubric/pack-store';
import { defaultDingRubricRef, defaultStarRubricRef } from '../../rubric/default-packs';
import { importRubricPack } from '../../rubric/import-pack';
import { packInForce } from '../../rubric/pack-in-force';
import { rescoreDocument } from '../../scoring/rescore';
import { rescoreStored } from '../../scoring/rescore-stored';
import { scoreAssessment } from '../../scoring/score-assessment';
import { scoreDocument } from '../../scoring/score-document';

type ScoringHandlers = Pick<HandlerMap, keyof typeof scoringProcedures>;

export function scoringHandlers(services: CoreServices): ScoringHandlers {
  const { db } = services;
  return {
    'scoring.preview': (input) =>
      scoreAssessment(
        getRubricPack(db, input.rubric),
        {
          unit: input.unit,
          answers: input.answers,
          history: { previousStars: input.previousStars, lastVetoOn: input.lastVetoOn },
          assessedOn: input.assessedOn,
        },
        { draft: true },
      ),
    'scoring.score': ({ source, document, draft }) => scoreDocument(db, parseAssessmentDocument(document, source), { draft }),
    'scoring.rescore': ({ rubric: named, cycle, documents }) => {
      // Every document is checked before anything is scored: one bad file refuses the run.
      const parsed = documents.map(({ source, document }) => ({ source, document: parseAssessmentDocument(document, source) }));
      const rubric = named ?? packInForce(db, cycle as number);
      getRubricPack(db, rubric);
      return { rubric, rows: [...rescoreStored(db, rubric, cycle), ...parsed.map(({ source, document }) => rescoreDocument(db, document, source, rubric))] };
    },
    'rubric.import': ({ pack }, context) => importRubricPack(context.domain(), pack),
    'rubric.list': () => ({ packs: listPacks(db), defaultRefs: [defaultStarRubricRef, defaultDingRubricRef] }),
    'rubric.get': ({ ref }) => {
      const found = findPack(db, ref);
      if (found === undefined) throw new DxError('NOT_FOUND', `Rubric pack ${ref} is not in this database`, { ref });
      return { ...found.summary, pack: found.pack };
    },
  };
}
