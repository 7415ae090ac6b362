/// <reference types="vite/client" />
import type { DesktopBridge } from '@shared/api/desktop-bridge';

declare global {
  interface Window {
    /** Present only inside the Electron app (set by the preload). */
    dingxing?: DesktopBridge;
  }
}

declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}
