import { useRef } from "react";

/** Props that make an element a drop target for several files. */
export function dropFilesProps(onFiles: (files: File[]) => void) {
  return {
    onDragOver: (event: React.DragEvent) => event.preventDefault(),
    onDrop: (event: React.DragEvent) => {
      const files = [...event.dataTransfer.files];
      if (files.length === 0) return;
      event.preventDefault();
      onFiles(files);
    },
  };
}

/** Props that make an element a drop target for one file. */
export function dropFileProps(onFile: (file: File) => void) {
  return {
    onDragOver: (event: React.DragEvent) => event.preventDefault(),
    onDrop: (event: React.DragEvent) => {
      const file = event.dataTransfer.files[0];
      if (!file) return;
      event.preventDefault();
      onFile(file);
    },
  };
}

interface FileButtonProps {
  label: string;
  accept: string;
  testId: string;
  disabled?: boolean;
  onFile(file: File): void;
  /** Lets the picker choose several files: `onFile` is called for the first, `onFiles` for all. */
  onFiles?(files: File[]): void;
}

/** A button that opens the file picker (the input stays hidden; tests reach it by `testId`). */
export function FileButton({ label, accept, testId, disabled, onFile, onFiles }: FileButtonProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" disabled={disabled} onClick={() => input.current?.click()}>
        {label}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        accept={accept}
        multiple={onFiles !== undefined}
        data-testid={testId}
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          if (onFiles) onFiles(files);
          else if (files[0]) onFile(files[0]);
          event.target.value = "";
        }}
      />
    </>
  );
}
