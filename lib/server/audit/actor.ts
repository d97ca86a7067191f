/**
 * The one way an audit event names who acted: a person as "Name <email>" (their email alone when they have no
 * name) with their user id, and every scheduled job as "system" with no user id.
 */
export interface AuditActor {
  actorUserId: string | null;
  actorLabel: string;
}

export function personActorLabel(user: { email: string; name: string | null }): string {
  return user.name ? `${user.name} <${user.email}>` : user.email;
}

export function personActor(user: { id: string; email: string; name: string | null }): AuditActor {
  return { actorUserId: user.id, actorLabel: personActorLabel(user) };
}

/** Jobs (expiry, reminders, digests, reconciliation) act as "system". */
export const SYSTEM_ACTOR = { actorUserId: null, actorLabel: "system" } as const satisfies AuditActor;
