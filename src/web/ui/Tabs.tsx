import {
  Tab as AriaTab,
  TabList as AriaTabList,
  TabPanel as AriaTabPanel,
  Tabs as AriaTabs,
  type TabListProps,
  type TabPanelProps,
  type TabProps,
  type TabsProps,
} from 'react-aria-components';

// Arrow keys move between tabs, Tab moves into the panel: the WAI-ARIA tabs pattern from react-aria.
export const Tabs = (props: Omit<TabsProps, 'className'>) => <AriaTabs {...props} className="tabs" />;
export const TabList = <T extends object>(props: Omit<TabListProps<T>, 'className'>) => (
  <AriaTabList {...props} className="tabs__list" />
);
export const Tab = (props: Omit<TabProps, 'className'>) => <AriaTab {...props} className="tabs__tab" />;
export const TabPanel = (props: Omit<TabPanelProps, 'className'>) => (
  <AriaTabPanel {...props} className="tabs__panel" />
);
