// The two error results of check_host() (RFC 7208 §2.6.6, §2.6.7) as
// exceptions, so that deep code (a macro, a nested include) can end the
// evaluation. `code` is a stable identifier the interface translates.

export class SpfError extends Error {
  /**
   * @param {'permerror'|'temperror'} result
   * @param {string} code  e.g. 'syntax', 'lookup-limit', 'dns-timeout'
   * @param {string} message  English detail, for logs and tests
   * @param {object} [details]  e.g. { domain, position, term }
   */
  constructor(result, code, message, details = {}) {
    super(message);
    this.name = 'SpfError';
    this.result = result;
    this.code = code;
    this.details = details;
  }
}

export const permerror = (code, message, details) => new SpfError('permerror', code, message, details);
export const temperror = (code, message, details) => new SpfError('temperror', code, message, details);
