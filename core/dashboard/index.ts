export { getDashboard, getDashboardInput, UPCOMING_DAYS, WEEKS, type Dashboard } from './get-dashboard';
