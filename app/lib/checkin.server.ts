// The check-in page's core actions (server-only, never bundled for the browser). Its refusals are
// worded like every core error's (problem.server.ts).
export { addWalkIn, getCheckInState, removeWalkIn } from '../../core/running/record-attendance';
