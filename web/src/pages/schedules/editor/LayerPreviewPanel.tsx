import { Loader, Paper, Stack, Text, Title } from '@mantine/core';
import type { LayerView, Preview } from '../../../api/scheduleTypes';
import type { LayerValues } from '../layers/layerValues';
import { EditPreview } from '../review/EditPreview';
import { layerSummary } from './layerSummary';

interface LayerPreviewPanelProps {
  layer: LayerView;
  values: LayerValues;
  /** The latest answer, possibly for settings a moment older than `values`; null before the first. */
  preview: Preview | null;
  /** Whether `preview` is for the settings as they are now. */
  current: boolean;
  changed: boolean;
  /** The settings could not be previewed (the editor shows why at the fields). */
  failed: boolean;
  viewerZone: string;
}

/** The layer before and after the edit in one line each, then whose shifts the edit moves. */
export function LayerPreviewPanel({ layer, values, preview, current, changed, failed, viewerZone }: LayerPreviewPanelProps) {
  const after = layerSummary({ ...layer, rotation: values.rotation, restriction: values.restriction, members: values.members.map((slot) => slot.user) });
  return (
    <Paper component="section" aria-label="Preview" withBorder p="md" radius="md" bg="var(--mantine-color-default-hover)">
      <Stack gap="sm">
        <Title order={4}>Preview</Title>
        <Stack gap={2}>
          <Text size="xs" c="dimmed">
            Now
          </Text>
          <Text size="sm">{layerSummary(layer)}</Text>
        </Stack>
        {!changed ? (
          <Text size="sm" c="dimmed">
            Change a setting to see who would be paged instead, before you save.
          </Text>
        ) : (
          <>
            <Stack gap={2}>
              <Text size="xs" c="dimmed">
                After this change
              </Text>
              <Text size="sm" fw={500}>
                {after}
              </Text>
            </Stack>
            {failed ? (
              <Text size="sm" c="dimmed">
                The effect shows once the settings are valid.
              </Text>
            ) : preview === null ? (
              <Loader size="sm" aria-label="Working out the effect" />
            ) : (
              // The previous answer stays readable, dimmed, while the new one is worked out.
              <div aria-busy={!current} style={{ opacity: current ? 1 : 0.5, transition: 'opacity 150ms' }}>
                <EditPreview preview={preview} viewerZone={viewerZone} />
              </div>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}
