/**
 * Minor units to a decimal string, exactly: integer arithmetic on a bigint, never a float. Every currency the
 * portal settles (NOK, DKK, EUR) has two decimals. 12345n → "123.45", -5n → "-0.05".
 */
export function minorToDecimal(minor: bigint, decimals = 2): string {
  const negative = minor < 0n;
  const abs = negative ? -minor : minor;
  const scale = 10n ** BigInt(decimals);
  const whole = abs / scale;
  const fraction = (abs % scale).toString().padStart(decimals, "0");
  return `${negative ? "-" : ""}${whole.toString()}${decimals > 0 ? `.${fraction}` : ""}`;
}
