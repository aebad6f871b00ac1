import "server-only";
import shipped from "@/definitions";
import { install } from "@/lib/installation/install";

// The one place the web app hands its installation (definitions/) to the platform (lib/), which
// never imports it. Every page, server action and route handler takes its guard from here
// (lib/auth/guard-coverage.test.ts holds them to it), so none runs before the installation is in.
install(shipped);

export { currentUser, requireUser } from "@/lib/auth/guard";
export { userAction } from "@/lib/http/action";
export { publicRoute, withUser } from "@/lib/http/route";
