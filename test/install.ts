import shipped from "@/definitions";
import { install } from "@/lib/installation/install";

// Every test file starts with the shipped installation, as every process's entry point does
// (app/platform.ts, scripts/worker.ts); a test of its own types installs those instead.
install(shipped);
