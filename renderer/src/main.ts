/** Renderer entry: Vue, Pinia, router, i18n and Element Plus with its zh-CN locale. */
import 'element-plus/dist/index.css';
import './styles.css';
import ElementPlus from 'element-plus';
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { createAppI18n } from './i18n';
import { createAppRouter } from './router';

createApp(App).use(createPinia()).use(createAppRouter()).use(createAppI18n()).use(ElementPlus).mount('#app');
