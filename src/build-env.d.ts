/** `<package version>+<lockfile digest>`: changes whenever the app or any dependency changes (set by Vite). */
declare const __BUILD_ID__: string;
