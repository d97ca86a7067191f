import "server-only";
import type { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { errorTranslator } from "@/lib/server/i18n/reader-locale";
import { formErrorText } from "@/lib/validation/form-errors";

const serverErrors = errorTranslator("serverErrors");
const formErrors = errorTranslator("formErrors");

/**
 * The one mapping from zod issues to a form's field errors (first message per field), for the action wrapper and
 * for the core functions that parse their input again. A crafted key or an unknown field is not echoed back.
 */
export function fieldErrorsOf(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) fields[fieldKey(issue.path)] ??= issue.code === "unrecognized_keys" ? serverErrors("unknownField") : formErrorText(issue.message, formErrors);
  return fields;
}

/** INVALID_INPUT with the field errors, its message the first of them. */
export function invalidInputError(issues: readonly z.core.$ZodIssue[]): AppError {
  const fields = fieldErrorsOf(issues);
  return new AppError("INVALID_INPUT", Object.values(fields)[0] ?? serverErrors("invalidInput"), fields);
}

function fieldKey(path: readonly PropertyKey[]): string {
  const key = path.map(String).join(".");
  return key === "" || key.length > 100 || /[^\w.\-]/.test(key) ? "_" : key;
}
