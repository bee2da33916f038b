import { Button, ColorInput, Group, PasswordInput, Radio, Stack, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState, type FormEvent } from 'react';
import { fieldMessages } from '../../api/ApiError';
import type { StatusPage, StatusPageAccess, StatusPagePatch } from '../../api/statusPageTypes';
import { useUpdateStatusPage } from '../../api/statusPages';
import { FormError } from '../../components/FormError';
import { TimeZoneSelect } from '../../components/TimeZoneSelect';
import { AccentContrastHint } from './AccentContrastHint';
import { friendlyErrors } from './friendlyErrors';
import { publicUrl } from './slug';

interface Draft {
  name: string;
  slug: string;
  description: string;
  timeZone: string;
  accentColor: string;
  access: StatusPageAccess;
  password: string;
  customDomain: string;
}

const draftOf = (page: StatusPage): Draft => ({
  name: page.name,
  slug: page.slug,
  description: page.description ?? '',
  timeZone: page.timeZone,
  accentColor: page.accentColor,
  access: page.access,
  password: '',
  customDomain: page.customDomain ?? '',
});

const same = (a: Draft, b: Draft): boolean => JSON.stringify(a) === JSON.stringify(b);

function settingsOf(draft: Draft): StatusPagePatch {
  return {
    name: draft.name,
    slug: draft.slug,
    description: draft.description.trim() === '' ? null : draft.description,
    timeZone: draft.timeZone,
    accentColor: draft.accentColor,
    access: draft.access,
    // Left empty, the page keeps the password it has.
    ...(draft.access === 'password' && draft.password !== '' && { password: draft.password }),
    customDomain: draft.customDomain.trim() === '' ? null : draft.customDomain.trim().toLowerCase(),
  };
}

/** A page's name, address, look and who may see it. */
export function SettingsForm({ page, mayManage, onDirty }: { page: StatusPage; mayManage: boolean; onDirty: (dirty: boolean) => void }) {
  const saving = useUpdateStatusPage(page.id);
  const [draft, setDraft] = useState<Draft>(() => draftOf(page));
  // The page as last seen: a change saved elsewhere (a logo, the layout, another tab) replaces an untouched form, never edits.
  const [base, setBase] = useState({ version: page.updatedAt, draft: draft });
  const dirty = !same(draft, base.draft);
  if (base.version !== page.updatedAt) {
    const next = draftOf(page);
    setBase({ version: page.updatedAt, draft: next });
    if (!dirty) setDraft(next);
  }
  const errors = friendlyErrors(fieldMessages(saving.error));
  const update = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  useEffect(() => onDirty(dirty), [dirty, onDirty]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    saving.mutate(settingsOf(draft), {
      onSuccess: (saved) => {
        const next = draftOf(saved);
        setBase({ version: saved.updatedAt, draft: next });
        setDraft(next);
        notifications.show({ color: 'green', message: 'Settings saved: the public page shows them now.' });
      },
    });
  };

  return (
    <Stack component="form" onSubmit={submit} maw={640}>
      <FormError error={saving.error} />
      <fieldset disabled={!mayManage} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <Stack>
          <TextInput label="Name" required value={draft.name} onChange={(e) => update({ name: e.currentTarget.value })} error={errors['name']} />
          <TextInput
            label="Slug"
            required
            description={`Served at ${publicUrl(draft.slug)}`}
            value={draft.slug}
            onChange={(e) => update({ slug: e.currentTarget.value })}
            error={errors['slug']}
          />
          <Textarea
            label="Description"
            description="A line under the name, for your users."
            autosize
            minRows={2}
            value={draft.description}
            onChange={(e) => update({ description: e.currentTarget.value })}
            error={errors['description']}
          />
          <TimeZoneSelect value={draft.timeZone} onChange={(timeZone) => update({ timeZone })} description="Uptime days and times on the page are in this zone." error={errors['timeZone']} />
          <div>
            <ColorInput
              label="Accent colour"
              format="hex"
              swatches={['#1971c2', '#2f9e44', '#6741d9', '#c2255c', '#e8590c', '#212529']}
              value={draft.accentColor}
              onChange={(accentColor) => update({ accentColor })}
              error={errors['accentColor']}
            />
            <AccentContrastHint color={draft.accentColor} />
          </div>
          <Radio.Group label="Who may see it" value={draft.access} onChange={(access) => update({ access: access as StatusPageAccess })} error={errors['access']}>
            <Stack gap="xs" mt={6}>
              <Radio value="public" label="Anyone with the address" />
              <Radio value="password" label="Anyone with a password" />
              <Radio value="team" label="Only people logged in to Vigil who are in the page's team" />
            </Stack>
          </Radio.Group>
          {draft.access === 'password' && (
            <PasswordInput
              label={page.hasPassword ? 'New password' : 'Password'}
              description={page.hasPassword ? 'Leave empty to keep the current password.' : 'Visitors type it once; it is stored hashed.'}
              required={!page.hasPassword}
              autoComplete="new-password"
              value={draft.password}
              onChange={(e) => update({ password: e.currentTarget.value })}
              error={errors['password']}
            />
          )}
          <TextInput
            label="Custom domain"
            placeholder="status.example.com"
            description="Optional. Point the domain at Vigil; the proxy in front must pass the Host header through unchanged, and the page is served at its root."
            value={draft.customDomain}
            onChange={(e) => update({ customDomain: e.currentTarget.value })}
            error={errors['customDomain']}
          />
        </Stack>
      </fieldset>
      {mayManage && (
        <Group justify="flex-end">
          <Button variant="default" disabled={!dirty} onClick={() => setDraft(base.draft)}>
            Undo changes
          </Button>
          <Button type="submit" loading={saving.isPending} disabled={!dirty}>
            Save settings
          </Button>
        </Group>
      )}
    </Stack>
  );
}
