/** The app's sections. Hash history: works the same under app:// (desktop) and http://127.0.0.1 (serve). */
import { createRouter, createWebHashHistory } from 'vue-router';
import type { RouteRecordRaw } from 'vue-router';

export const sectionRoutes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: () => import('./views/HomeView.vue'), meta: { titleKey: 'nav.home', icon: 'HomeFilled' } },
  { path: '/units', name: 'units', component: () => import('./views/units/UnitsListView.vue'), meta: { titleKey: 'nav.units', icon: 'OfficeBuilding' } },
  { path: '/assessments', name: 'assessments', component: () => import('./views/assessments/AssessmentsView.vue'), meta: { titleKey: 'nav.assessments', icon: 'EditPen' } },
  { path: '/plan', name: 'plan', component: () => import('./views/plan/PlanView.vue'), meta: { titleKey: 'nav.plan', icon: 'Calendar' } },
  { path: '/certificates', name: 'certificates', component: () => import('./views/certificates/CertificatesView.vue'), meta: { titleKey: 'nav.certificates', icon: 'Medal' } },
  { path: '/districts', name: 'districts', component: () => import('./views/districts/DistrictsView.vue'), meta: { titleKey: 'nav.districts', icon: 'MapLocation' } },
  { path: '/exchange', name: 'exchange', component: () => import('./views/exchange/ExchangeView.vue'), meta: { titleKey: 'nav.exchange', icon: 'Switch' } },
  { path: '/settings', name: 'settings', component: () => import('./views/settings/SettingsView.vue'), meta: { titleKey: 'nav.settings', icon: 'Setting' } },
];

export function createAppRouter() {
  return createRouter({
    history: createWebHashHistory(),
    routes: [
      ...sectionRoutes,
      { path: '/units/:id', name: 'unit-detail', component: () => import('./views/units/UnitDetailView.vue'), meta: { titleKey: 'nav.units' } },
      { path: '/assessments/:id', name: 'assessment-form', component: () => import('./views/assessments/AssessmentFormView.vue'), meta: { titleKey: 'nav.assessments' } },
      { path: '/districts/:code', name: 'district', component: () => import('./views/districts/DistrictDashboardView.vue'), meta: { titleKey: 'nav.districts' } },
      { path: '/status', name: 'status', redirect: { path: '/settings', query: { tab: 'status' } } },
      { path: '/:rest(.*)*', redirect: '/' },
    ],
  });
}
