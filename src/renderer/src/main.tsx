import { createRoot } from 'react-dom/client';

/** STUB — the UI area builds the app here. */
createRoot(document.getElementById('root')!).render(<h1>PortScope</h1>);
