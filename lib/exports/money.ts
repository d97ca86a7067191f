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

/**
 * The same for minor units as integer digits ("-12345" → "-123.45", "5" → "0.05"), as the database sends them:
 * moving the decimal point in the text, with no number in between. Throws on anything but an integer.
 */
export function minorTextToDecimal(minor: string, decimals = 2): string {
  if (!/^-?\d+$/.test(minor)) throw new RangeError(`Not an integer amount: ${minor}`);
  const negative = minor.charCodeAt(0) === 45;
  let digits = negative ? minor.slice(1) : minor;
  if (digits.length <= decimals) digits = digits.padStart(decimals + 1, "0");
  else if (digits.length > 1 && digits.charCodeAt(0) === 48) digits = BigInt(digits).toString().padStart(decimals + 1, "0");
  const text = decimals > 0 ? `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}` : digits;
  return negative && /[1-9]/.test(digits) ? `-${text}` : text;
}
