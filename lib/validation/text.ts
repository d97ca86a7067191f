import { z } from "zod";

/**
 * The one building block for text a person types (purposes, reasons, searches). PostgreSQL refuses a NUL byte
 * in text, so a NUL that reached a query used to end in "Something went wrong"; other control characters are
 * never typed on purpose and can hide text in logs, CSV exports and e-mails. They are refused with a field
 * message instead. Tab and line breaks are kept where a field is multi-line. Pure: shared by forms and actions.
 */
export interface UserTextOptions {
  /** Longest accepted text after trimming. */
  max: number;
  /** Message when the text is too long (catalogue text, built by the caller). */
  tooLong: string;
  /** Message when the text holds a control character (catalogue text, built by the caller). */
  invalid: string;
  /** Message when the value is not text at all (a crafted request); defaults to `invalid`. */
  notText?: string;
  /** Tab, carriage return and line feed are allowed (a textarea). */
  multiline?: boolean;
}

// C0 controls, DEL and the C1 controls. Multi-line text keeps \t, \n and \r.
const SINGLE_LINE_CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const MULTI_LINE_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
// An unpaired UTF-16 surrogate cannot be stored as UTF-8 text; it only comes from a crafted request.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** True when `value` has a character `userText` refuses. */
export function hasForbiddenCharacters(value: string, multiline = false): boolean {
  return (multiline ? MULTI_LINE_CONTROL : SINGLE_LINE_CONTROL).test(value) || LONE_SURROGATE.test(value);
}

/**
 * A trimmed string of at most `max` characters without control characters. The length is checked before the
 * characters so a pasted document is refused cheaply; both checks abort, one message per mistake.
 */
export function userText({ max, tooLong, invalid, notText = invalid, multiline = false }: UserTextOptions) {
  return z
    .string({ error: notText })
    .trim()
    .max(max, { error: tooLong, abort: true })
    .refine((v) => !hasForbiddenCharacters(v, multiline), { error: invalid, abort: true });
}
