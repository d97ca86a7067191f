-- migrate:up
-- The bell's unread count runs on every signed-in page. By (userId, createdAt, id) it visited every notification
-- the person ever had to test readAt; this partial index holds only the unread ones, so the count reads the
-- index alone and costs what the person has still to read, not their whole history.
CREATE INDEX "Notification_userId_unread_idx" ON "Notification"("userId") WHERE "readAt" IS NULL;

-- migrate:down
DROP INDEX "Notification_userId_unread_idx";
