import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Gusset", template: "%s · Gusset" },
  description: "Parametric engineering editor with a workflow engine and task inbox.",
};

// Every page is rendered per request (each already reads the session), this layout too: its scripts
// carry the request's CSP nonce (proxy.ts), which a page prerendered at build time (the 404) cannot.
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
