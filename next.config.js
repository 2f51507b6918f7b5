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
  // Pages get their Content-Security-Policy, with a nonce, from proxy.ts.
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'same-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
          // browser features Payung never uses, off for the page and anything it could embed
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), hid=(), midi=(), browsing-topics=()' },
          // built for production: browsers keep to HTTPS for a year once they have seen it over HTTPS (ignored over plain HTTP)
          ...(process.env.NODE_ENV === 'production' ? [{ key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' }] : []),
        ],
      },
      {
        // nothing an API answer holds may run, load or be framed, should a browser ever render one
        source: '/api/:path*',
        headers: [{ key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'; sandbox" }],
      },
    ];
  },
};

module.exports = withNextIntl(nextConfig);
