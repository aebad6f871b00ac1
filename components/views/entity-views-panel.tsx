"use client";

import { useEntityDraft } from "@/components/editor/entity-draft";
import type { ViewInfo } from "@/lib/controller/describe-views";
import type { FieldIssue } from "@/lib/result";
import { EntityViews } from "./entity-views";

/**
 * The editor page's views panel: the entity's views on the form's live params
 * (the editor's draft context). `views` comes from the server
 * (`describeViews(type.controller)`), so no request is needed to show the tabs.
 * Fields a view names (a controller's InputViolation) go to the form, which
 * shows them at the inputs; `onFieldErrors` replaces that when given.
 */
export function EntityViewsPanel({
  views,
  onFieldErrors,
}: {
  views: readonly ViewInfo[];
  onFieldErrors?: (fields: readonly FieldIssue[]) => void;
}) {
  const { entity, params, reportFieldErrors } = useEntityDraft();
  return (
    <EntityViews
      entityId={entity.id}
      entityType={entity.type}
      params={params}
      views={views}
      onFieldErrors={onFieldErrors ?? reportFieldErrors}
    />
  );
}
