/**
 * Feishu's errno numbers and the one error type an API implementation throws.
 * Source: Feishu open platform, "Errno 错误码" page (updated 2025-04-15); see shared/reference/feishu-api.md.
 */
export const Errno = {
  unknown: 100,
  frameworkUnknown: 101,
  internal: 102,
  notSupported: 103,
  invalidParameter: 104,
  authenticationFailed: 105,
  systemPermissionDenied: 106,
  noReadPermission: 201,
  noWritePermission: 202,
  fileNotExist: 203,
  fileAlreadyExists: 204,
  directoryNotEmpty: 205,
  notDirectory: 206,
  notFile: 207,
  totalSizeLimitExceeded: 208,
  pathAndSubpath: 209,
  readSizeLimitExceeded: 210,
  writeSizeLimitExceeded: 212,
  invalidFilePath: 213,
  fileNameTooLong: 214,
  networkCancelled: 301,
  networkTimeout: 302,
  noNetwork: 303,
  networkSdkInternal: 304,
  networkFailure: 305,
  downloadFailed: 306,
  networkParameterError: 307,
  userCanceled: 1300001,
  unableToCompressImage: 1300003,
  invalidFileType: 1300004,
  invalidImageSize: 1300008,
  invalidImageData: 1300009,
  imageFormatNotSupported: 1300011,
  unableToSaveImage: 1300012,
  /** Web-app h5sdk.config failure; Feishu lists 2601001 / 2601002 without ttsim knowing which means what. */
  jssdkConfigFailed: 2601001,
} as const;

export type ErrnoValue = (typeof Errno)[keyof typeof Errno];

/** The general meaning of each errno, sent as `errString` (the texts are ours; Feishu documents the meanings). */
export const errnoMeaning: Readonly<Record<ErrnoValue, string>> = {
  100: 'unknown error',
  101: 'framework unknown error',
  102: 'internal error',
  103: 'feature not supported',
  104: 'invalid parameter',
  105: 'authentication failed',
  106: 'system permission denied',
  201: 'no read permission',
  202: 'no write permission',
  203: 'file does not exist',
  204: 'file already exists',
  205: 'directory not empty',
  206: 'not a directory',
  207: 'not a file',
  208: 'total size limit exceeded',
  209: 'unable to operate on a path and its subpath at the same time',
  210: 'read size limit exceeded',
  212: 'write size limit exceeded',
  213: 'invalid filePath',
  214: 'file name too long',
  301: 'network request cancelled',
  302: 'connection timed out',
  303: 'no network connection',
  304: 'internal error in network SDK',
  305: 'network failure',
  306: 'unable to download file',
  307: 'network SDK parameter error',
  1300001: 'user canceled',
  1300003: 'unable to compress image',
  1300004: 'invalid file type',
  1300008: 'invalid image size',
  1300009: 'invalid image data',
  1300011: 'image format not supported',
  1300012: 'unable to save image',
  2601001: 'JSSDK config failed',
};

/**
 * Thrown by an API implementation (or the path resolver) to end a call with a `fail` result.
 * `detail` becomes the text after `<api>:fail ` and should say what to fix.
 */
export class TtError extends Error {
  readonly errno: ErrnoValue;
  readonly detail: string;
  /** Id of the behaviour rule that produced this failure, when one did. */
  readonly rule: string | undefined;

  constructor(errno: ErrnoValue, detail: string, options: { rule?: string; cause?: unknown } = {}) {
    super(detail, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'TtError';
    this.errno = errno;
    this.detail = detail;
    this.rule = options.rule;
  }
}

export function isTtError(value: unknown): value is TtError {
  return value instanceof TtError;
}
