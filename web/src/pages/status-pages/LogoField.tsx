import { Button, FileButton, Group, Image, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPhotoUp, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { StatusPage } from '../../api/statusPageTypes';
import { useSetLogo } from '../../api/statusPages';
import { FormError } from '../../components/FormError';

/** What the API takes: raster images only (an SVG can carry script), up to 256 KiB. */
const acceptedTypes = ['image/png', 'image/jpeg', 'image/webp'];
const maxBytes = 256 * 1024;

/** Said before uploading, so a wrong file is named in words rather than by the API's refusal. */
function problemWith(file: File): string | null {
  if (!acceptedTypes.includes(file.type)) return `${file.name} is not a PNG, JPEG or WebP image${file.type === 'image/svg+xml' ? ' (SVG logos are refused: they can carry scripts)' : ''}.`;
  if (file.size > maxBytes) return `${file.name} is ${Math.ceil(file.size / 1024)} KiB; a logo may be at most 256 KiB.`;
  return null;
}

/** The page's logo: uploaded as soon as it is picked, shown as the page shows it, removable. */
export function LogoField({ page, mayManage }: { page: StatusPage; mayManage: boolean }) {
  const setting = useSetLogo(page.id);
  const [problem, setProblem] = useState<string | null>(null);
  const pick = (file: File | null) => {
    if (file === null) return;
    const wrong = problemWith(file);
    setProblem(wrong);
    if (wrong === null) setting.mutate(file, { onSuccess: () => notifications.show({ color: 'green', message: 'Logo uploaded.' }) });
  };
  const remove = () => setting.mutate(null, { onSuccess: () => notifications.show({ color: 'green', message: 'Logo removed.' }) });
  return (
    <Stack gap="xs">
      <Text fw={500} size="sm">
        Logo
      </Text>
      <FormError error={problem === null ? setting.error : new Error(problem)} />
      <Group align="center">
        <Paper withBorder p="xs" w={180} h={72} style={{ display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
          {page.logoPath === null ? (
            <Text size="xs" c="dimmed">
              No logo: the page shows its name.
            </Text>
          ) : (
            // The path carries the image's hash: a new logo is a new address, never a cached old one.
            <Image src={page.logoPath} alt={`Logo of ${page.name}`} mah={56} maw={160} fit="contain" />
          )}
        </Paper>
        {mayManage && (
          <Group gap="xs">
            <FileButton onChange={pick} accept={acceptedTypes.join(',')}>
              {(props) => (
                <Button {...props} variant="default" leftSection={<IconPhotoUp size={16} />} loading={setting.isPending && setting.variables !== null}>
                  {page.logoPath === null ? 'Upload logo' : 'Replace logo'}
                </Button>
              )}
            </FileButton>
            {page.logoPath !== null && (
              <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} loading={setting.isPending && setting.variables === null} onClick={remove}>
                Remove logo
              </Button>
            )}
          </Group>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        PNG, JPEG or WebP, up to 256 KiB; about 40 pixels high on the page.
      </Text>
    </Stack>
  );
}
