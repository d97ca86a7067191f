import { routeMessagesLayout } from "@/app/_shared/route-messages-layout";

export default routeMessagesLayout("/merchant/approvals");
