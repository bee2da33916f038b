import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { fieldMessages } from '../../api/ApiError';
import { useCreateStatusPage } from '../../api/statusPages';
import { useTeamChoices } from '../../api/teams';
import { FormError } from '../../components/FormError';
import { TimeZoneSelect } from '../../components/TimeZoneSelect';
import { useViewerTimeZone } from '../../time/useViewerTimeZone';
import { friendlyErrors } from './friendlyErrors';
import { publicUrl, slugOf } from './slug';

/** Blue 8 of Mantine's palette: 5:1 against white, readable as link text from the start. */
const defaultAccent = '#1971c2';

/**
 * The few things a page needs to exist; the rest is set in its editor, where this leads.
 * `teamIds`: the teams the user may make a page for, the only ones offered.
 */
export function NewStatusPageModal({ teamIds, onClose }: { teamIds: readonly string[]; onClose: () => void }) {
  const teams = useTeamChoices();
  const creating = useCreateStatusPage();
  const navigate = useNavigate();
  const [teamId, setTeamId] = useState<string | null>(null);
  const [name, setName] = useState('');
  // Follows the name until typed in.
  const [slug, setSlug] = useState<string | null>(null);
  const viewerZone = useViewerTimeZone();
  const [timeZone, setTimeZone] = useState(viewerZone);
  const errors = friendlyErrors(fieldMessages(creating.error));
  const effectiveSlug = slug ?? slugOf(name);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (teamId === null) return;
    creating.mutate(
      { teamId, name, slug: effectiveSlug, timeZone, accentColor: defaultAccent, access: 'public', description: null, customDomain: null },
      { onSuccess: (page) => navigate(`/status-pages/${page.id}`) },
    );
  };

  return (
    <Modal opened onClose={onClose} title="New status page">
      <Stack component="form" onSubmit={submit}>
        <FormError error={creating.error} />
        <Select
          label="Team"
          required
          description="Its managers change the page; its members publish updates."
          data={(teams.data ?? []).filter((t) => teamIds.includes(t.id)).map((t) => ({ value: t.id, label: t.name }))}
          value={teamId}
          onChange={setTeamId}
          error={errors['teamId']}
        />
        <TextInput label="Name" required description="Shown as the page's title." value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors['name']} />
        <TextInput
          label="Slug"
          required
          description={`Served at ${publicUrl(effectiveSlug)}`}
          value={effectiveSlug}
          onChange={(e) => setSlug(e.currentTarget.value)}
          error={errors['slug']}
        />
        <TimeZoneSelect value={timeZone} onChange={setTimeZone} description="The page's days and times are in this zone." error={errors['timeZone']} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={creating.isPending} disabled={teamId === null}>
            Create page
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
