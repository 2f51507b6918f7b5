// @ts-check
const createNextIntlPlugin = require('next-intl/plugin');

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules at run time,
  // and argon2 is a native binary: neither may be bundled.
  // PDFKit reads its font metrics from its own folder at run time.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'pdfkit'],
  poweredByHeader: false,
  // `npm run dev` opened as http://127.0.0.1:3000 (not only localhost) must still hydrate.
  allowedDevOrigins: ['127.0.0.1'],
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'same-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
        ],
      },
    ];
  },
};

module.exports = withNextIntl(nextConfig);
