/**
 * `dingxing verification address [URL | --clear]`: the address of the city office's verifier page
 * that plaques' QR codes open (ADDRESS#DX1.…). Without arguments it prints it; with one, the city
 * office sets it (`verification.setAddress`, role city, audited), and city bundles carry it to the
 * laptops. An address the contract would refuse is a usage error, before the database is opened.
 */
import { VerificationAddressSchema } from '@shared/domain/workstation';
import { callCore } from '../call-core';
import type { CliCommand } from '../command';
import { UsageError } from '../command';

function checkedAddress(raw: string): string {
  const checked = VerificationAddressSchema.safeParse(raw);
  if (checked.success) return checked.data;
  const reason = checked.error.issues.map((issue) => issue.message).join('; ');
  throw new UsageError(`证书验证地址无效：“${raw}”（须为 http(s):// 地址，不含空格、? 或 #，最多 80 个字符）/ "${raw}" is not a verification address: ${reason} (e.g. https://pingan.wuhan.gov.cn/verify)`, verificationAddressCommand);
}

export const verificationAddressCommand: CliCommand = {
  path: ['verification', 'address'],
  summary: 'Show the verifier page’s address that plaques’ QR codes open; with URL (or --clear) the city office sets (or clears) it, and city bundles carry it to the laptops',
  args: '[URL]',
  positionals: { min: 0, max: 1 },
  options: { clear: { type: 'boolean', help: 'remove the address: QR codes then hold the DX1.… text alone' } },
  async run(context) {
    const given = context.positionals[0];
    const clear = context.values.clear === true;
    if (given !== undefined && clear) throw new UsageError('Give an address or --clear, not both', verificationAddressCommand);
    const address = given === undefined ? undefined : checkedAddress(given);
    const core = await context.core();
    if (address === undefined && !clear) {
      const current = await callCore(core, 'verification.address', {});
      context.print(
        current,
        current.address === null
          ? '尚未设置证书验证地址：证书二维码只含 DX1.… 文本 / no verification address set: plaques’ QR codes hold the DX1.… text alone'
          : `证书验证地址 verification address: ${current.address}${current.setAt === null ? '' : `  (set ${current.setAt})`}`,
      );
      return;
    }
    const changed = await callCore(core, 'verification.setAddress', { address: address ?? null });
    context.print(
      changed,
      changed.address === null
        ? '已清除证书验证地址：此后签发的证书二维码只含 DX1.… 文本 / verification address cleared: plaques issued from now on hold the DX1.… text alone'
        : `已设置证书验证地址 (verification address set): ${changed.address}\n此后签发的证书二维码指向该地址，市级数据包把它带到各笔记本 / plaques issued from now on open it; city bundles carry it to the laptops`,
    );
  },
};
