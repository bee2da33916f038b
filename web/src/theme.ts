import { createTheme, Title } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'indigo',
  components: {
    // Headings carry names people typed (an incident's title, a monitor's name), and one long
    // word or number in them must wrap rather than push a phone's page sideways.
    Title: Title.extend({ styles: { root: { overflowWrap: 'anywhere' } } }),
  },
});
