// @vitest-environment happy-dom
import { act, useState } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Tabs, type TabItem } from "./tabs";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const TABS: TabItem[] = [
  { key: "geometry", label: "Geometry" },
  { key: "loads", label: "Loads" },
  { key: "checks", label: "Checks" },
];

function Selectable({ tabs = TABS }: { tabs?: TabItem[] }) {
  const [selected, setSelected] = useState("geometry");
  return (
    <Tabs label="Input tabs" look="underline" tabs={tabs} selectedKey={selected} onSelect={setSelected}>
      <p>Panel of {selected}</p>
    </Tabs>
  );
}

let container: HTMLDivElement;
let root: Root;
beforeEach(() => {
  container = document.createElement("div");
  document.body.append(container);
  root = createRoot(container);
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

const tabs = () => [...container.querySelectorAll<HTMLElement>('[role="tab"]')];
const selectedName = () => tabs().find((tab) => tab.getAttribute("aria-selected") === "true")?.textContent;
function press(key: string) {
  act(() => {
    document.activeElement!.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true }));
  });
}

describe("Tabs", () => {
  it("is a named tablist whose tabs control the one panel, labelled by the selected tab", () => {
    act(() => root.render(<Selectable />));
    const list = container.querySelector('[role="tablist"]')!;
    expect(list.getAttribute("aria-label")).toBe("Input tabs");
    const panel = container.querySelector('[role="tabpanel"]')!;
    for (const tab of tabs()) expect(tab.getAttribute("aria-controls")).toBe(panel.id);
    expect(panel.getAttribute("aria-labelledby")).toBe(tabs()[0]!.id);
    expect(panel.textContent).toBe("Panel of geometry");
  });

  it("keeps only the selected tab in the Tab order", () => {
    act(() => root.render(<Selectable />));
    expect(tabs().map((tab) => tab.tabIndex)).toEqual([0, -1, -1]);
    act(() => tabs()[1]!.click());
    expect(tabs().map((tab) => tab.tabIndex)).toEqual([-1, 0, -1]);
    expect(container.querySelector('[role="tabpanel"]')!.textContent).toBe("Panel of loads");
  });

  it("selects and focuses with Right and Left (wrapping), Home and End", () => {
    act(() => root.render(<Selectable />));
    act(() => tabs()[0]!.focus());
    press("ArrowRight");
    expect(selectedName()).toBe("Loads");
    expect(document.activeElement).toBe(tabs()[1]);
    press("End");
    expect(selectedName()).toBe("Checks");
    press("ArrowRight");
    expect(selectedName()).toBe("Geometry");
    press("ArrowLeft");
    expect(selectedName()).toBe("Checks");
    press("Home");
    expect(selectedName()).toBe("Geometry");
    expect(document.activeElement).toBe(tabs()[0]);
  });

  it("leaves other keys alone", () => {
    act(() => root.render(<Selectable />));
    act(() => tabs()[0]!.focus());
    const event = new KeyboardEvent("keydown", { key: "ArrowDown", bubbles: true, cancelable: true });
    act(() => void tabs()[0]!.dispatchEvent(event));
    expect(event.defaultPrevented).toBe(false);
    expect(selectedName()).toBe("Geometry");
  });

  it("moves focus among link tabs without selecting: a link tab is followed, not selected by a key", () => {
    const links = TABS.map((tab) => ({ ...tab, href: `/inbox?tab=${tab.key}` }));
    act(() => root.render(<Selectable tabs={links} />));
    expect(tabs().map((tab) => tab.tagName)).toEqual(["A", "A", "A"]);
    act(() => tabs()[0]!.focus());
    press("ArrowRight");
    expect(document.activeElement).toBe(tabs()[1]);
    expect(selectedName()).toBe("Geometry");
  });
});
