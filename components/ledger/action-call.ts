import type { ActionResult, AppErrorCode } from "@/lib/errors/app-error";

/** A server action's typed failure, thrown inside react-query so `error` carries the code and messages. */
export class ActionFailure extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = "ActionFailure";
  }
}

export type Action<T> = (input: unknown) => Promise<ActionResult<T>>;

/** Calls a server action and returns its data, or throws its typed failure. */
export async function callAction<T>(action: Action<T>, input: unknown): Promise<T> {
  const result = await action(input);
  if (!result.ok) throw new ActionFailure(result.error.code, result.error.message, result.error.fields);
  return result.data;
}
