// Vite's client types: lets TypeScript accept CSS and asset imports in the web code.
/// <reference types="vite/client" />
