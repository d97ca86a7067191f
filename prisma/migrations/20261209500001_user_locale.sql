-- migrate:up
-- The language a person chose in the portal (docs/decisions/036). NULL: follow the browser's Accept-Language,
-- else English. Kept on the user, not in a cookie, so it holds across sign-ins and devices and e-mails to the
-- person go out in it.
ALTER TABLE "User" ADD COLUMN "locale" TEXT;
ALTER TABLE "User" ADD CONSTRAINT "User_locale_check" CHECK ("locale" IN ('en', 'nb', 'da'));

-- migrate:down
ALTER TABLE "User" DROP CONSTRAINT "User_locale_check";
ALTER TABLE "User" DROP COLUMN "locale";
