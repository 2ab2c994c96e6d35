// Every page has its own URL, so searches and records can be shared. Views
// other than the home page load on first use to keep the first load small.
import { createRouter, createWebHistory } from 'vue-router'
import HomeView from './views/HomeView.vue'

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/', name: 'home', component: HomeView },
    { path: '/search', name: 'search', component: () => import('./views/SearchView.vue') },
    { path: '/offers/new', name: 'offer-new', component: () => import('./views/OfferFormView.vue') },
    {
      path: '/offers/:id(\\d+)/edit',
      name: 'offer-edit',
      component: () => import('./views/OfferFormView.vue'),
    },
    { path: '/offers/:id(\\d+)', name: 'offer', component: () => import('./views/OfferView.vue') },
    { path: '/needs/new', name: 'need-new', component: () => import('./views/NeedFormView.vue') },
    {
      path: '/needs/:id(\\d+)/edit',
      name: 'need-edit',
      component: () => import('./views/NeedFormView.vue'),
    },
    { path: '/needs/:id(\\d+)', name: 'need', component: () => import('./views/NeedView.vue') },
    {
      path: '/organizations/:id(\\d+)',
      name: 'organization',
      component: () => import('./views/OrganizationView.vue'),
    },
    { path: '/sign-in', name: 'sign-in', component: () => import('./views/SignInView.vue') },
    {
      path: '/admin/reference',
      name: 'admin-reference',
      component: () => import('./views/AdminReferenceView.vue'),
    },
    {
      path: '/admin/imports',
      name: 'admin-imports',
      component: () => import('./views/AdminImportsView.vue'),
    },
    { path: '/dashboard', name: 'dashboard', component: () => import('./views/DashboardView.vue') },
    {
      path: '/transactions',
      name: 'transactions',
      component: () => import('./views/TransactionsView.vue'),
    },
    { path: '/deals', name: 'deals', component: () => import('./views/DealsView.vue') },
    { path: '/deals/:id(\\d+)', name: 'deal', component: () => import('./views/DealView.vue') },
    { path: '/review', name: 'review', component: () => import('./views/ReviewQueueView.vue') },
    { path: '/inbox', name: 'inbox', component: () => import('./views/InboxView.vue') },
    { path: '/:rest(.*)*', name: 'not-found', component: () => import('./views/NotFoundView.vue') },
  ],
  scrollBehavior: () => ({ top: 0 }),
})
