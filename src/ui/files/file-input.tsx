import { useRef } from "react";

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
}

/** A button that opens the file picker (the input stays hidden; tests reach it by `testId`). */
export function FileButton({ label, accept, testId, disabled, onFile }: FileButtonProps) {
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
        data-testid={testId}
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) onFile(file);
          event.target.value = "";
        }}
      />
    </>
  );
}
