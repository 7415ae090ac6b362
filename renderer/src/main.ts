/** Renderer entry: Vue, Pinia, router, i18n and the Element Plus components the app draws (element-plus.ts). */
import 'element-plus/dist/index.css';
import './theme.css';
import './styles.css';
import { ElMessage } from 'element-plus';
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { createAppI18n } from './i18n';
import { createAppRouter } from './router';
import { installLinkGuard } from './link-guard';
import { applyElementDefaults } from './element-defaults';
import { elementPlus } from './element-plus';

applyElementDefaults();
const i18n = createAppI18n();
createApp(App).use(createPinia()).use(createAppRouter()).use(i18n).use(elementPlus).mount('#app');
installLinkGuard(document, (href) => ElMessage.warning(i18n.global.t('app.externalLinkBlocked', { href })));
