"use server";
import { z } from "zod";
import { partnerAction } from "@/lib/server/actions/define-action";
import { saveClientJournalAccounts } from "@/lib/server/journal/journal-accounts";
import { journalAccountsSchema } from "@/lib/journal/accounts";

/**
 * P4: a client's journal accounts. Whoever may export a client's ledgers (the owner, or an accountant assigned to
 * the client) may set the accounts those exports post to: it is bookkeeping work on that client, and every
 * change is audited. Another partner's client, or one outside an accountant's assignments, is NOT_FOUND.
 */
const saveSchema = z.object({ merchantId: z.string().max(64), accounts: journalAccountsSchema }).strict();

export const saveJournalAccountsAction = partnerAction(saveSchema, "ledgers.export", async ({ input, ctx }) =>
  saveClientJournalAccounts(ctx, input.merchantId, input.accounts),
);
