import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AdminApp } from '@/components/admin/AdminApp';
import '@/assets/tailwind.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <AdminApp />
    </StrictMode>,
  );
}
