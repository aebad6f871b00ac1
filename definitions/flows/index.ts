// The flows this install serves: one line each.
export { helloWorld } from "./hello-world";
export { designReview } from "./design-review";
export { changeRequest } from "./change-request";
