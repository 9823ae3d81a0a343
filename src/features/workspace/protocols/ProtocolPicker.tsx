import { useState } from 'react';
import type { Problem } from '../../../core/problems/types';
import { formatMinutes } from '../../../core/timer/protocolDraft';
import { PROTOCOLS, resolveProtocol, totalMinutes } from '../../../core/timer/protocols';
import { useWorkspace } from '../useWorkspace';
import { ProtocolEditor } from './ProtocolEditor';
import { useProtocols } from './protocolStore';

/** Before Start: which protocol the session follows (kept per problem), and the editor for its minutes. */
export function ProtocolPicker({ problem }: { problem: Problem }) {
  const chosenId = useWorkspace((s) => s.practice?.protocolId);
  const customs = useProtocols((s) => s.customs);
  const loadError = useProtocols((s) => s.loadError);
  const [editing, setEditing] = useState(false);
  const { chooseProtocol } = useWorkspace.getState();
  const protocol = resolveProtocol(chosenId, problem.protocol, customs);
  const custom = customs.find((p) => p.id === protocol.id) ?? null;

  return (
    <div className="flex items-center gap-2">
      <select
        className="input py-1 text-sm"
        aria-label="Interview protocol"
        value={protocol.id}
        onChange={(e) => chooseProtocol(e.target.value)}
      >
        <optgroup label="Built-in">
          {PROTOCOLS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
              {p.id === problem.protocol ? ' · suggested' : ''}
            </option>
          ))}
        </optgroup>
        {customs.length > 0 && (
          <optgroup label="Yours">
            {customs.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({formatMinutes(totalMinutes(p))})
              </option>
            ))}
          </optgroup>
        )}
      </select>
      <button
        type="button"
        className="btn"
        onClick={() => setEditing(true)}
        title="Change the minutes of each phase and save your own protocol"
      >
        Edit protocol
      </button>
      {loadError && (
        <span role="alert" className="text-xs text-rose-300">
          {loadError}
        </span>
      )}
      {editing && (
        <ProtocolEditor
          protocol={protocol}
          custom={custom}
          onClose={() => setEditing(false)}
          onSaved={(id) => {
            chooseProtocol(id);
            setEditing(false);
          }}
          onDeleted={() => {
            chooseProtocol(custom?.basedOn ?? problem.protocol);
            setEditing(false);
          }}
        />
      )}
    </div>
  );
}
