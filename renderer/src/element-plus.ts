/**
 * The Element Plus components this app draws, registered one by one instead of the whole library:
 * what is not named here (virtual trees, cascaders, carousels, colour pickers…) is left out of the
 * bundle every window parses when it opens. A tag missing from this list would draw nothing, so
 * test/renderer/element-plus.spec.ts compares it with every `<el-…>` tag of the templates.
 * The full stylesheet is still loaded (main.ts): the look does not depend on which chunk a
 * component's styles would have come with.
 */
import {
  ElAlert,
  ElBadge,
  ElButton,
  ElCard,
  ElCheckbox,
  ElConfigProvider,
  ElDatePicker,
  ElDescriptions,
  ElDialog,
  ElEmpty,
  ElForm,
  ElIcon,
  ElInput,
  ElInputNumber,
  ElLoading,
  ElMessage,
  ElMessageBox,
  ElPagination,
  ElProgress,
  ElRadio,
  ElSelect,
  ElSkeleton,
  ElSwitch,
  ElTable,
  ElTableV2,
  ElTabs,
  ElTag,
  ElTimeline,
  ElTooltip,
} from 'element-plus';
import type { App, Plugin } from 'vue';

/**
 * Each with the parts it is drawn with (ElForm brings ElFormItem, ElSelect ElOption, ElTable
 * ElTableColumn, ElTabs ElTabPane, ElRadio ElRadioGroup and ElRadioButton, ElCheckbox
 * ElCheckboxGroup, ElDescriptions ElDescriptionsItem, ElTimeline ElTimelineItem).
 */
export const elementComponents: readonly Plugin[] = [
  ElAlert, ElBadge, ElButton, ElCard, ElCheckbox, ElConfigProvider, ElDatePicker, ElDescriptions, ElDialog, ElEmpty, ElForm, ElIcon, ElInput,
  ElInputNumber, ElPagination, ElProgress, ElRadio, ElSelect, ElSkeleton, ElSwitch, ElTable, ElTableV2, ElTabs, ElTag, ElTimeline, ElTooltip,
];

export const elementPlus: Plugin = {
  install(app: App) {
    for (const component of elementComponents) app.use(component);
    // v-loading; and the app's context for messages and message boxes, as the whole library gives them.
    app.use(ElLoading).use(ElMessage).use(ElMessageBox);
  },
};
