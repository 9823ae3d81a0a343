import { useWorkspace } from '../useWorkspace';

export function SaveErrorBanner() {
  const saveError = useWorkspace((s) => s.saveError);
  if (!saveError) return null;
  return (
    <p role="alert" className="bg-rose-900 px-4 py-1 text-sm">
      {saveError}
    </p>
  );
}
