/**
 * The workspace's resizable panes (react-resizable-panels): each split has a separator that a mouse drags
 * and the keyboard moves (arrows by 5 %, Home/End to the limits), with ARIA values. Sizes are remembered
 * per kind of problem, so a coding layout and a design layout do not overwrite each other.
 *
 * The panes are flex items sized by the library, each with `min-width: 0` and hidden overflow: Monaco and
 * Excalidraw set their own pixel size from their box, and a box that grows to fit its content would hold
 * them at the widest size they ever had (the old layout's bug: the editor stayed 1920-wide after a resize).
 */
import type { ReactNode } from 'react';
import { Group, Panel, Separator, useDefaultLayout } from 'react-resizable-panels';
import { uiPreferenceStorage } from '../../storage/settings';

type Orientation = 'horizontal' | 'vertical';

/** A group whose layout is saved under `rehearse.panes.<id>` once the person has resized it. */
function SavedGroup({
  id,
  orientation,
  className,
  children,
}: {
  id: string;
  orientation: Orientation;
  className: string;
  children: ReactNode;
}) {
  const { defaultLayout, onLayoutChanged } = useDefaultLayout({
    id: `rehearse.panes.${id}`,
    storage: uiPreferenceStorage,
    onlySaveAfterUserInteractions: true,
  });
  return (
    <Group id={id} orientation={orientation} defaultLayout={defaultLayout} onLayoutChanged={onLayoutChanged} className={className}>
      {children}
    </Group>
  );
}

/** A thin bar, wider to the pointer than it looks; it shows when hovered, dragged or focused. */
function ResizeHandle({ label, between }: { label: string; between: 'columns' | 'rows' }) {
  return (
    <Separator
      aria-label={label}
      className={`${between === 'columns' ? 'w-1' : 'h-1'} shrink-0 bg-slate-800 outline-none transition-colors hover:bg-sky-700 focus-visible:bg-sky-500 data-[separator=active]:bg-sky-500`}
    />
  );
}

// One stretched cell: the pane's content fills it and may shrink below its own content's size.
const PANE = 'grid h-full min-h-0 min-w-0 grid-cols-[minmax(0,1fr)] grid-rows-[minmax(0,1fr)] overflow-hidden';
// Run/Submit on top, then whatever fills the rest (its second child takes `min-h-0 flex-1`).
const STACK = 'flex h-full min-h-0 min-w-0 flex-col overflow-hidden';

interface CodingProps {
  statement: ReactNode;
  editor: ReactNode;
  /** A project of several files: the Files panel, beside the editor (absent for a one-file problem). */
  files?: ReactNode;
  /** Run/Submit, then the results and the console: they share the row under the editor. */
  below: ReactNode;
  /** An API scenario's Requests region: a column of its own on the right (absent for other problems). */
  requests?: ReactNode;
  label: string;
}

/** The Files panel | the editor, each resizable; the layout is kept like the others. */
function FilesBesideEditor({ files, editor }: { files: ReactNode; editor: ReactNode }) {
  return (
    <SavedGroup id="coding.files" orientation="horizontal" className="h-full">
      <Panel id="pane-files" defaultSize="22%" minSize="9rem" maxSize="45%" className={PANE}>
        {files}
      </Panel>
      <ResizeHandle label="Resize the files and the editor" between="columns" />
      <Panel id="pane-code" minSize="16rem" className={PANE}>
        {editor}
      </Panel>
    </SavedGroup>
  );
}

/**
 * Coding: statement | (files |) editor over results and console (| Requests). An API scenario's layout is
 * saved apart: three columns' sizes must not land on two.
 */
export function CodingPanes({ statement, editor, files, below, requests, label }: CodingProps) {
  return (
    <SavedGroup id={requests ? 'coding.columns.api' : 'coding.columns'} orientation="horizontal" className="min-h-0 flex-1">
      <Panel id="pane-statement" defaultSize={requests ? '24%' : '28%'} minSize="14rem" maxSize="60%" className={PANE}>
        {statement}
      </Panel>
      <ResizeHandle label="Resize the statement and the editor" between="columns" />
      <Panel id="pane-solution" minSize="24rem" className={PANE}>
        <main aria-label={label} className="h-full">
          <SavedGroup id="coding.rows" orientation="vertical" className="h-full">
            {/* 76 %: at 1280×720 (a header on two lines) that is 25 lines of code, and five lines of results under Run. */}
            <Panel id="pane-editor" defaultSize="76%" minSize="6rem" className={PANE}>
              {files ? <FilesBesideEditor files={files} editor={editor} /> : editor}
            </Panel>
            <ResizeHandle label="Resize the editor and the results" between="rows" />
            <Panel id="pane-results" minSize="5.5rem" className={STACK}>
              {below}
            </Panel>
          </SavedGroup>
        </main>
      </Panel>
      {requests && (
        <>
          <ResizeHandle label="Resize the editor and the requests" between="columns" />
          {/* 30 %: at 1280 wide that is 384 px, the form's path and Send on one line. */}
          <Panel id="pane-requests" defaultSize="30%" minSize="16rem" maxSize="50%" className={PANE}>
            {requests}
          </Panel>
        </>
      )}
    </SavedGroup>
  );
}

interface DesignProps {
  design: ReactNode;
  editor: ReactNode;
  below: ReactNode;
  board: ReactNode;
  notes: ReactNode;
  label: string;
}

/** Design: the design panel | the scratchpad over its console | the whiteboard over the notes. */
export function DesignPanes({ design, editor, below, board, notes, label }: DesignProps) {
  return (
    <SavedGroup id="design.columns" orientation="horizontal" className="min-h-0 flex-1">
      <Panel id="pane-design" defaultSize="22%" minSize="14rem" maxSize="50%" className={PANE}>
        {design}
      </Panel>
      <ResizeHandle label="Resize the design panel and the scratchpad" between="columns" />
      <Panel id="pane-scratchpad" defaultSize="34%" minSize="16rem" className={PANE}>
        <main aria-label={label} className="h-full">
          <SavedGroup id="design.scratchpad" orientation="vertical" className="h-full">
            <Panel id="pane-editor" defaultSize="65%" minSize="6rem" className={PANE}>
              {editor}
            </Panel>
            <ResizeHandle label="Resize the scratchpad and the console" between="rows" />
            <Panel id="pane-console" minSize="5.5rem" className={STACK}>
              {below}
            </Panel>
          </SavedGroup>
        </main>
      </Panel>
      <ResizeHandle label="Resize the scratchpad and the whiteboard" between="columns" />
      <Panel id="pane-board" defaultSize="44%" minSize="16rem" className={PANE}>
        <SavedGroup id="design.board" orientation="vertical" className="h-full">
          <Panel id="pane-whiteboard" defaultSize="60%" minSize="8rem" className={PANE}>
            {board}
          </Panel>
          <ResizeHandle label="Resize the whiteboard and the notes" between="rows" />
          <Panel id="pane-notes" minSize="8rem" className={PANE}>
            {notes}
          </Panel>
        </SavedGroup>
      </Panel>
    </SavedGroup>
  );
}
