import { createWidgetRegistry } from './widget-registry';
import { listViewWidget } from './widgets/list-view-widget';
import { myOpenWidget } from './widgets/my-open-widget';
import { recentWidget } from './widgets/recent-widget';

/** The home page's widget kinds; dashboard charts register here when they come. */
export const homeWidgets = createWidgetRegistry([recentWidget, listViewWidget, myOpenWidget]);
