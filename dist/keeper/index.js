import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 770:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

module.exports = __nccwpck_require__(218);


/***/ }),

/***/ 218:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var __webpack_unused_export__;


var net = __nccwpck_require__(278);
var tls = __nccwpck_require__(756);
var http = __nccwpck_require__(611);
var https = __nccwpck_require__(692);
var events = __nccwpck_require__(434);
var assert = __nccwpck_require__(613);
var util = __nccwpck_require__(23);


exports.httpOverHttp = httpOverHttp;
exports.httpsOverHttp = httpsOverHttp;
exports.httpOverHttps = httpOverHttps;
exports.httpsOverHttps = httpsOverHttps;


function httpOverHttp(options) {
  var agent = new TunnelingAgent(options);
  agent.request = http.request;
  return agent;
}

function httpsOverHttp(options) {
  var agent = new TunnelingAgent(options);
  agent.request = http.request;
  agent.createSocket = createSecureSocket;
  agent.defaultPort = 443;
  return agent;
}

function httpOverHttps(options) {
  var agent = new TunnelingAgent(options);
  agent.request = https.request;
  return agent;
}

function httpsOverHttps(options) {
  var agent = new TunnelingAgent(options);
  agent.request = https.request;
  agent.createSocket = createSecureSocket;
  agent.defaultPort = 443;
  return agent;
}


function TunnelingAgent(options) {
  var self = this;
  self.options = options || {};
  self.proxyOptions = self.options.proxy || {};
  self.maxSockets = self.options.maxSockets || http.Agent.defaultMaxSockets;
  self.requests = [];
  self.sockets = [];

  self.on('free', function onFree(socket, host, port, localAddress) {
    var options = toOptions(host, port, localAddress);
    for (var i = 0, len = self.requests.length; i < len; ++i) {
      var pending = self.requests[i];
      if (pending.host === options.host && pending.port === options.port) {
        // Detect the request to connect same origin server,
        // reuse the connection.
        self.requests.splice(i, 1);
        pending.request.onSocket(socket);
        return;
      }
    }
    socket.destroy();
    self.removeSocket(socket);
  });
}
util.inherits(TunnelingAgent, events.EventEmitter);

TunnelingAgent.prototype.addRequest = function addRequest(req, host, port, localAddress) {
  var self = this;
  var options = mergeOptions({request: req}, self.options, toOptions(host, port, localAddress));

  if (self.sockets.length >= this.maxSockets) {
    // We are over limit so we'll add it to the queue.
    self.requests.push(options);
    return;
  }

  // If we are under maxSockets create a new one.
  self.createSocket(options, function(socket) {
    socket.on('free', onFree);
    socket.on('close', onCloseOrRemove);
    socket.on('agentRemove', onCloseOrRemove);
    req.onSocket(socket);

    function onFree() {
      self.emit('free', socket, options);
    }

    function onCloseOrRemove(err) {
      self.removeSocket(socket);
      socket.removeListener('free', onFree);
      socket.removeListener('close', onCloseOrRemove);
      socket.removeListener('agentRemove', onCloseOrRemove);
    }
  });
};

TunnelingAgent.prototype.createSocket = function createSocket(options, cb) {
  var self = this;
  var placeholder = {};
  self.sockets.push(placeholder);

  var connectOptions = mergeOptions({}, self.proxyOptions, {
    method: 'CONNECT',
    path: options.host + ':' + options.port,
    agent: false,
    headers: {
      host: options.host + ':' + options.port
    }
  });
  if (options.localAddress) {
    connectOptions.localAddress = options.localAddress;
  }
  if (connectOptions.proxyAuth) {
    connectOptions.headers = connectOptions.headers || {};
    connectOptions.headers['Proxy-Authorization'] = 'Basic ' +
        new Buffer(connectOptions.proxyAuth).toString('base64');
  }

  debug('making CONNECT request');
  var connectReq = self.request(connectOptions);
  connectReq.useChunkedEncodingByDefault = false; // for v0.6
  connectReq.once('response', onResponse); // for v0.6
  connectReq.once('upgrade', onUpgrade);   // for v0.6
  connectReq.once('connect', onConnect);   // for v0.7 or later
  connectReq.once('error', onError);
  connectReq.end();

  function onResponse(res) {
    // Very hacky. This is necessary to avoid http-parser leaks.
    res.upgrade = true;
  }

  function onUpgrade(res, socket, head) {
    // Hacky.
    process.nextTick(function() {
      onConnect(res, socket, head);
    });
  }

  function onConnect(res, socket, head) {
    connectReq.removeAllListeners();
    socket.removeAllListeners();

    if (res.statusCode !== 200) {
      debug('tunneling socket could not be established, statusCode=%d',
        res.statusCode);
      socket.destroy();
      var error = new Error('tunneling socket could not be established, ' +
        'statusCode=' + res.statusCode);
      error.code = 'ECONNRESET';
      options.request.emit('error', error);
      self.removeSocket(placeholder);
      return;
    }
    if (head.length > 0) {
      debug('got illegal response body from proxy');
      socket.destroy();
      var error = new Error('got illegal response body from proxy');
      error.code = 'ECONNRESET';
      options.request.emit('error', error);
      self.removeSocket(placeholder);
      return;
    }
    debug('tunneling connection has established');
    self.sockets[self.sockets.indexOf(placeholder)] = socket;
    return cb(socket);
  }

  function onError(cause) {
    connectReq.removeAllListeners();

    debug('tunneling socket could not be established, cause=%s\n',
          cause.message, cause.stack);
    var error = new Error('tunneling socket could not be established, ' +
                          'cause=' + cause.message);
    error.code = 'ECONNRESET';
    options.request.emit('error', error);
    self.removeSocket(placeholder);
  }
};

TunnelingAgent.prototype.removeSocket = function removeSocket(socket) {
  var pos = this.sockets.indexOf(socket)
  if (pos === -1) {
    return;
  }
  this.sockets.splice(pos, 1);

  var pending = this.requests.shift();
  if (pending) {
    // If we have pending requests and a socket gets closed a new one
    // needs to be created to take over in the pool for the one that closed.
    this.createSocket(pending, function(socket) {
      pending.request.onSocket(socket);
    });
  }
};

function createSecureSocket(options, cb) {
  var self = this;
  TunnelingAgent.prototype.createSocket.call(self, options, function(socket) {
    var hostHeader = options.request.getHeader('host');
    var tlsOptions = mergeOptions({}, self.options, {
      socket: socket,
      servername: hostHeader ? hostHeader.replace(/:.*$/, '') : options.host
    });

    // 0 is dummy port for v0.6
    var secureSocket = tls.connect(0, tlsOptions);
    self.sockets[self.sockets.indexOf(socket)] = secureSocket;
    cb(secureSocket);
  });
}


function toOptions(host, port, localAddress) {
  if (typeof host === 'string') { // since v0.10
    return {
      host: host,
      port: port,
      localAddress: localAddress
    };
  }
  return host; // for v0.11 or later
}

function mergeOptions(target) {
  for (var i = 1, len = arguments.length; i < len; ++i) {
    var overrides = arguments[i];
    if (typeof overrides === 'object') {
      var keys = Object.keys(overrides);
      for (var j = 0, keyLen = keys.length; j < keyLen; ++j) {
        var k = keys[j];
        if (overrides[k] !== undefined) {
          target[k] = overrides[k];
        }
      }
    }
  }
  return target;
}


var debug;
if (process.env.NODE_DEBUG && /\btunnel\b/.test(process.env.NODE_DEBUG)) {
  debug = function() {
    var args = Array.prototype.slice.call(arguments);
    if (typeof args[0] === 'string') {
      args[0] = 'TUNNEL: ' + args[0];
    } else {
      args.unshift('TUNNEL:');
    }
    console.error.apply(console, args);
  }
} else {
  debug = function() {};
}
__webpack_unused_export__ = debug; // for test


/***/ }),

/***/ 169:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _keep_alive_keeper_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(704);

await (0,_keep_alive_keeper_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .e)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 704:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "http"
var external_http_ = __nccwpck_require__(611);
var external_http_namespaceObject = /*#__PURE__*/__nccwpck_require__.t(external_http_, 2);
// EXTERNAL MODULE: external "https"
var external_https_ = __nccwpck_require__(692);
var external_https_namespaceObject = /*#__PURE__*/__nccwpck_require__.t(external_https_, 2);
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/proxy.js
function getProxyUrl(reqUrl) {
    const usingSsl = reqUrl.protocol === 'https:';
    if (checkBypass(reqUrl)) {
        return undefined;
    }
    const proxyVar = (() => {
        if (usingSsl) {
            return process.env['https_proxy'] || process.env['HTTPS_PROXY'];
        }
        else {
            return process.env['http_proxy'] || process.env['HTTP_PROXY'];
        }
    })();
    if (proxyVar) {
        try {
            return new DecodedURL(proxyVar);
        }
        catch (_a) {
            if (!proxyVar.startsWith('http://') && !proxyVar.startsWith('https://'))
                return new DecodedURL(`http://${proxyVar}`);
        }
    }
    else {
        return undefined;
    }
}
function checkBypass(reqUrl) {
    if (!reqUrl.hostname) {
        return false;
    }
    const reqHost = reqUrl.hostname;
    if (isLoopbackAddress(reqHost)) {
        return true;
    }
    const noProxy = process.env['no_proxy'] || process.env['NO_PROXY'] || '';
    if (!noProxy) {
        return false;
    }
    // Determine the request port
    let reqPort;
    if (reqUrl.port) {
        reqPort = Number(reqUrl.port);
    }
    else if (reqUrl.protocol === 'http:') {
        reqPort = 80;
    }
    else if (reqUrl.protocol === 'https:') {
        reqPort = 443;
    }
    // Format the request hostname and hostname with port
    const upperReqHosts = [reqUrl.hostname.toUpperCase()];
    if (typeof reqPort === 'number') {
        upperReqHosts.push(`${upperReqHosts[0]}:${reqPort}`);
    }
    // Compare request host against noproxy
    for (const upperNoProxyItem of noProxy
        .split(',')
        .map(x => x.trim().toUpperCase())
        .filter(x => x)) {
        if (upperNoProxyItem === '*' ||
            upperReqHosts.some(x => x === upperNoProxyItem ||
                x.endsWith(`.${upperNoProxyItem}`) ||
                (upperNoProxyItem.startsWith('.') &&
                    x.endsWith(`${upperNoProxyItem}`)))) {
            return true;
        }
    }
    return false;
}
function isLoopbackAddress(host) {
    const hostLower = host.toLowerCase();
    return (hostLower === 'localhost' ||
        hostLower.startsWith('127.') ||
        hostLower.startsWith('[::1]') ||
        hostLower.startsWith('[0:0:0:0:0:0:0:1]'));
}
class DecodedURL extends URL {
    constructor(url, base) {
        super(url, base);
        this._decodedUsername = decodeURIComponent(super.username);
        this._decodedPassword = decodeURIComponent(super.password);
    }
    get username() {
        return this._decodedUsername;
    }
    get password() {
        return this._decodedPassword;
    }
}
//# sourceMappingURL=proxy.js.map
// EXTERNAL MODULE: ./node_modules/tunnel/index.js
var tunnel = __nccwpck_require__(770);
;// CONCATENATED MODULE: ./stubs/undici/index.js
// Stands in for undici in this action's bundles (see README.md beside this file).
class ProxyAgent {
  constructor() {
    throw new Error(
      'undici is not bundled with gitpod-runner-action: HttpClient.getAgentDispatcher() is unused',
    )
  }
}

;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/index.js
/* eslint-disable @typescript-eslint/no-explicit-any */
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};





var HttpCodes;
(function (HttpCodes) {
    HttpCodes[HttpCodes["OK"] = 200] = "OK";
    HttpCodes[HttpCodes["MultipleChoices"] = 300] = "MultipleChoices";
    HttpCodes[HttpCodes["MovedPermanently"] = 301] = "MovedPermanently";
    HttpCodes[HttpCodes["ResourceMoved"] = 302] = "ResourceMoved";
    HttpCodes[HttpCodes["SeeOther"] = 303] = "SeeOther";
    HttpCodes[HttpCodes["NotModified"] = 304] = "NotModified";
    HttpCodes[HttpCodes["UseProxy"] = 305] = "UseProxy";
    HttpCodes[HttpCodes["SwitchProxy"] = 306] = "SwitchProxy";
    HttpCodes[HttpCodes["TemporaryRedirect"] = 307] = "TemporaryRedirect";
    HttpCodes[HttpCodes["PermanentRedirect"] = 308] = "PermanentRedirect";
    HttpCodes[HttpCodes["BadRequest"] = 400] = "BadRequest";
    HttpCodes[HttpCodes["Unauthorized"] = 401] = "Unauthorized";
    HttpCodes[HttpCodes["PaymentRequired"] = 402] = "PaymentRequired";
    HttpCodes[HttpCodes["Forbidden"] = 403] = "Forbidden";
    HttpCodes[HttpCodes["NotFound"] = 404] = "NotFound";
    HttpCodes[HttpCodes["MethodNotAllowed"] = 405] = "MethodNotAllowed";
    HttpCodes[HttpCodes["NotAcceptable"] = 406] = "NotAcceptable";
    HttpCodes[HttpCodes["ProxyAuthenticationRequired"] = 407] = "ProxyAuthenticationRequired";
    HttpCodes[HttpCodes["RequestTimeout"] = 408] = "RequestTimeout";
    HttpCodes[HttpCodes["Conflict"] = 409] = "Conflict";
    HttpCodes[HttpCodes["Gone"] = 410] = "Gone";
    HttpCodes[HttpCodes["TooManyRequests"] = 429] = "TooManyRequests";
    HttpCodes[HttpCodes["InternalServerError"] = 500] = "InternalServerError";
    HttpCodes[HttpCodes["NotImplemented"] = 501] = "NotImplemented";
    HttpCodes[HttpCodes["BadGateway"] = 502] = "BadGateway";
    HttpCodes[HttpCodes["ServiceUnavailable"] = 503] = "ServiceUnavailable";
    HttpCodes[HttpCodes["GatewayTimeout"] = 504] = "GatewayTimeout";
})(HttpCodes || (HttpCodes = {}));
var Headers;
(function (Headers) {
    Headers["Accept"] = "accept";
    Headers["ContentType"] = "content-type";
})(Headers || (Headers = {}));
var MediaTypes;
(function (MediaTypes) {
    MediaTypes["ApplicationJson"] = "application/json";
})(MediaTypes || (MediaTypes = {}));
/**
 * Returns the proxy URL, depending upon the supplied url and proxy environment variables.
 * @param serverUrl  The server URL where the request will be sent. For example, https://api.github.com
 */
function lib_getProxyUrl(serverUrl) {
    const proxyUrl = pm.getProxyUrl(new URL(serverUrl));
    return proxyUrl ? proxyUrl.href : '';
}
const HttpRedirectCodes = [
    HttpCodes.MovedPermanently,
    HttpCodes.ResourceMoved,
    HttpCodes.SeeOther,
    HttpCodes.TemporaryRedirect,
    HttpCodes.PermanentRedirect
];
const HttpResponseRetryCodes = [
    HttpCodes.BadGateway,
    HttpCodes.ServiceUnavailable,
    HttpCodes.GatewayTimeout
];
const RetryableHttpVerbs = ['OPTIONS', 'GET', 'DELETE', 'HEAD'];
const ExponentialBackoffCeiling = 10;
const ExponentialBackoffTimeSlice = 5;
class HttpClientError extends Error {
    constructor(message, statusCode) {
        super(message);
        this.name = 'HttpClientError';
        this.statusCode = statusCode;
        Object.setPrototypeOf(this, HttpClientError.prototype);
    }
}
class HttpClientResponse {
    constructor(message) {
        this.message = message;
    }
    readBody() {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve) => __awaiter(this, void 0, void 0, function* () {
                let output = Buffer.alloc(0);
                this.message.on('data', (chunk) => {
                    output = Buffer.concat([output, chunk]);
                });
                this.message.on('end', () => {
                    resolve(output.toString());
                });
            }));
        });
    }
    readBodyBuffer() {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve) => __awaiter(this, void 0, void 0, function* () {
                const chunks = [];
                this.message.on('data', (chunk) => {
                    chunks.push(chunk);
                });
                this.message.on('end', () => {
                    resolve(Buffer.concat(chunks));
                });
            }));
        });
    }
}
function isHttps(requestUrl) {
    const parsedUrl = new URL(requestUrl);
    return parsedUrl.protocol === 'https:';
}
class HttpClient {
    constructor(userAgent, handlers, requestOptions) {
        this._ignoreSslError = false;
        this._allowRedirects = true;
        this._allowRedirectDowngrade = false;
        this._maxRedirects = 50;
        this._allowRetries = false;
        this._maxRetries = 1;
        this._keepAlive = false;
        this._disposed = false;
        this.userAgent = this._getUserAgentWithOrchestrationId(userAgent);
        this.handlers = handlers || [];
        this.requestOptions = requestOptions;
        if (requestOptions) {
            if (requestOptions.ignoreSslError != null) {
                this._ignoreSslError = requestOptions.ignoreSslError;
            }
            this._socketTimeout = requestOptions.socketTimeout;
            if (requestOptions.allowRedirects != null) {
                this._allowRedirects = requestOptions.allowRedirects;
            }
            if (requestOptions.allowRedirectDowngrade != null) {
                this._allowRedirectDowngrade = requestOptions.allowRedirectDowngrade;
            }
            if (requestOptions.maxRedirects != null) {
                this._maxRedirects = Math.max(requestOptions.maxRedirects, 0);
            }
            if (requestOptions.keepAlive != null) {
                this._keepAlive = requestOptions.keepAlive;
            }
            if (requestOptions.allowRetries != null) {
                this._allowRetries = requestOptions.allowRetries;
            }
            if (requestOptions.maxRetries != null) {
                this._maxRetries = requestOptions.maxRetries;
            }
        }
    }
    options(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('OPTIONS', requestUrl, null, additionalHeaders || {});
        });
    }
    get(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('GET', requestUrl, null, additionalHeaders || {});
        });
    }
    del(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('DELETE', requestUrl, null, additionalHeaders || {});
        });
    }
    post(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('POST', requestUrl, data, additionalHeaders || {});
        });
    }
    patch(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('PATCH', requestUrl, data, additionalHeaders || {});
        });
    }
    put(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('PUT', requestUrl, data, additionalHeaders || {});
        });
    }
    head(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('HEAD', requestUrl, null, additionalHeaders || {});
        });
    }
    sendStream(verb, requestUrl, stream, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request(verb, requestUrl, stream, additionalHeaders);
        });
    }
    /**
     * Gets a typed object from an endpoint
     * Be aware that not found returns a null.  Other errors (4xx, 5xx) reject the promise
     */
    getJson(requestUrl_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, additionalHeaders = {}) {
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            const res = yield this.get(requestUrl, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    postJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.post(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    putJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.put(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    patchJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.patch(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    /**
     * Makes a raw http request.
     * All other methods such as get, post, patch, and request ultimately call this.
     * Prefer get, del, post and patch
     */
    request(verb, requestUrl, data, headers) {
        return __awaiter(this, void 0, void 0, function* () {
            if (this._disposed) {
                throw new Error('Client has already been disposed.');
            }
            const parsedUrl = new URL(requestUrl);
            let info = this._prepareRequest(verb, parsedUrl, headers);
            // Only perform retries on reads since writes may not be idempotent.
            const maxTries = this._allowRetries && RetryableHttpVerbs.includes(verb)
                ? this._maxRetries + 1
                : 1;
            let numTries = 0;
            let response;
            do {
                response = yield this.requestRaw(info, data);
                // Check if it's an authentication challenge
                if (response &&
                    response.message &&
                    response.message.statusCode === HttpCodes.Unauthorized) {
                    let authenticationHandler;
                    for (const handler of this.handlers) {
                        if (handler.canHandleAuthentication(response)) {
                            authenticationHandler = handler;
                            break;
                        }
                    }
                    if (authenticationHandler) {
                        return authenticationHandler.handleAuthentication(this, info, data);
                    }
                    else {
                        // We have received an unauthorized response but have no handlers to handle it.
                        // Let the response return to the caller.
                        return response;
                    }
                }
                let redirectsRemaining = this._maxRedirects;
                while (response.message.statusCode &&
                    HttpRedirectCodes.includes(response.message.statusCode) &&
                    this._allowRedirects &&
                    redirectsRemaining > 0) {
                    const redirectUrl = response.message.headers['location'];
                    if (!redirectUrl) {
                        // if there's no location to redirect to, we won't
                        break;
                    }
                    const parsedRedirectUrl = new URL(redirectUrl);
                    if (parsedUrl.protocol === 'https:' &&
                        parsedUrl.protocol !== parsedRedirectUrl.protocol &&
                        !this._allowRedirectDowngrade) {
                        throw new Error('Redirect from HTTPS to HTTP protocol. This downgrade is not allowed for security reasons. If you want to allow this behavior, set the allowRedirectDowngrade option to true.');
                    }
                    // we need to finish reading the response before reassigning response
                    // which will leak the open socket.
                    yield response.readBody();
                    // strip authorization header if redirected to a different hostname
                    if (parsedRedirectUrl.hostname !== parsedUrl.hostname) {
                        for (const header in headers) {
                            // header names are case insensitive
                            if (header.toLowerCase() === 'authorization') {
                                delete headers[header];
                            }
                        }
                    }
                    // let's make the request with the new redirectUrl
                    info = this._prepareRequest(verb, parsedRedirectUrl, headers);
                    response = yield this.requestRaw(info, data);
                    redirectsRemaining--;
                }
                if (!response.message.statusCode ||
                    !HttpResponseRetryCodes.includes(response.message.statusCode)) {
                    // If not a retry code, return immediately instead of retrying
                    return response;
                }
                numTries += 1;
                if (numTries < maxTries) {
                    yield response.readBody();
                    yield this._performExponentialBackoff(numTries);
                }
            } while (numTries < maxTries);
            return response;
        });
    }
    /**
     * Needs to be called if keepAlive is set to true in request options.
     */
    dispose() {
        if (this._agent) {
            this._agent.destroy();
        }
        this._disposed = true;
    }
    /**
     * Raw request.
     * @param info
     * @param data
     */
    requestRaw(info, data) {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve, reject) => {
                function callbackForResult(err, res) {
                    if (err) {
                        reject(err);
                    }
                    else if (!res) {
                        // If `err` is not passed, then `res` must be passed.
                        reject(new Error('Unknown error'));
                    }
                    else {
                        resolve(res);
                    }
                }
                this.requestRawWithCallback(info, data, callbackForResult);
            });
        });
    }
    /**
     * Raw request with callback.
     * @param info
     * @param data
     * @param onResult
     */
    requestRawWithCallback(info, data, onResult) {
        if (typeof data === 'string') {
            if (!info.options.headers) {
                info.options.headers = {};
            }
            info.options.headers['Content-Length'] = Buffer.byteLength(data, 'utf8');
        }
        let callbackCalled = false;
        function handleResult(err, res) {
            if (!callbackCalled) {
                callbackCalled = true;
                onResult(err, res);
            }
        }
        const req = info.httpModule.request(info.options, (msg) => {
            const res = new HttpClientResponse(msg);
            handleResult(undefined, res);
        });
        let socket;
        req.on('socket', sock => {
            socket = sock;
        });
        // If we ever get disconnected, we want the socket to timeout eventually
        req.setTimeout(this._socketTimeout || 3 * 60000, () => {
            if (socket) {
                socket.end();
            }
            handleResult(new Error(`Request timeout: ${info.options.path}`));
        });
        req.on('error', function (err) {
            // err has statusCode property
            // res should have headers
            handleResult(err);
        });
        if (data && typeof data === 'string') {
            req.write(data, 'utf8');
        }
        if (data && typeof data !== 'string') {
            data.on('close', function () {
                req.end();
            });
            data.pipe(req);
        }
        else {
            req.end();
        }
    }
    /**
     * Gets an http agent. This function is useful when you need an http agent that handles
     * routing through a proxy server - depending upon the url and proxy environment variables.
     * @param serverUrl  The server URL where the request will be sent. For example, https://api.github.com
     */
    getAgent(serverUrl) {
        const parsedUrl = new URL(serverUrl);
        return this._getAgent(parsedUrl);
    }
    getAgentDispatcher(serverUrl) {
        const parsedUrl = new URL(serverUrl);
        const proxyUrl = getProxyUrl(parsedUrl);
        const useProxy = proxyUrl && proxyUrl.hostname;
        if (!useProxy) {
            return;
        }
        return this._getProxyAgentDispatcher(parsedUrl, proxyUrl);
    }
    _prepareRequest(method, requestUrl, headers) {
        const info = {};
        info.parsedUrl = requestUrl;
        const usingSsl = info.parsedUrl.protocol === 'https:';
        info.httpModule = usingSsl ? external_https_namespaceObject : external_http_namespaceObject;
        const defaultPort = usingSsl ? 443 : 80;
        info.options = {};
        info.options.host = info.parsedUrl.hostname;
        info.options.port = info.parsedUrl.port
            ? parseInt(info.parsedUrl.port)
            : defaultPort;
        info.options.path =
            (info.parsedUrl.pathname || '') + (info.parsedUrl.search || '');
        info.options.method = method;
        info.options.headers = this._mergeHeaders(headers);
        if (this.userAgent != null) {
            info.options.headers['user-agent'] = this.userAgent;
        }
        info.options.agent = this._getAgent(info.parsedUrl);
        // gives handlers an opportunity to participate
        if (this.handlers) {
            for (const handler of this.handlers) {
                handler.prepareRequest(info.options);
            }
        }
        return info;
    }
    _mergeHeaders(headers) {
        if (this.requestOptions && this.requestOptions.headers) {
            return Object.assign({}, lowercaseKeys(this.requestOptions.headers), lowercaseKeys(headers || {}));
        }
        return lowercaseKeys(headers || {});
    }
    /**
     * Gets an existing header value or returns a default.
     * Handles converting number header values to strings since HTTP headers must be strings.
     * Note: This returns string | string[] since some headers can have multiple values.
     * For headers that must always be a single string (like Content-Type), use the
     * specialized _getExistingOrDefaultContentTypeHeader method instead.
     */
    _getExistingOrDefaultHeader(additionalHeaders, header, _default) {
        let clientHeader;
        if (this.requestOptions && this.requestOptions.headers) {
            const headerValue = lowercaseKeys(this.requestOptions.headers)[header];
            if (headerValue) {
                clientHeader =
                    typeof headerValue === 'number' ? headerValue.toString() : headerValue;
            }
        }
        const additionalValue = additionalHeaders[header];
        if (additionalValue !== undefined) {
            return typeof additionalValue === 'number'
                ? additionalValue.toString()
                : additionalValue;
        }
        if (clientHeader !== undefined) {
            return clientHeader;
        }
        return _default;
    }
    /**
     * Specialized version of _getExistingOrDefaultHeader for Content-Type header.
     * Always returns a single string (not an array) since Content-Type should be a single value.
     * Converts arrays to comma-separated strings and numbers to strings to ensure type safety.
     * This was split from _getExistingOrDefaultHeader to provide stricter typing for callers
     * that assign the result to places expecting a string (e.g., additionalHeaders[Headers.ContentType]).
     */
    _getExistingOrDefaultContentTypeHeader(additionalHeaders, _default) {
        let clientHeader;
        if (this.requestOptions && this.requestOptions.headers) {
            const headerValue = lowercaseKeys(this.requestOptions.headers)[Headers.ContentType];
            if (headerValue) {
                if (typeof headerValue === 'number') {
                    clientHeader = String(headerValue);
                }
                else if (Array.isArray(headerValue)) {
                    clientHeader = headerValue.join(', ');
                }
                else {
                    clientHeader = headerValue;
                }
            }
        }
        const additionalValue = additionalHeaders[Headers.ContentType];
        // Return the first non-undefined value, converting numbers or arrays to strings if necessary
        if (additionalValue !== undefined) {
            if (typeof additionalValue === 'number') {
                return String(additionalValue);
            }
            else if (Array.isArray(additionalValue)) {
                return additionalValue.join(', ');
            }
            else {
                return additionalValue;
            }
        }
        if (clientHeader !== undefined) {
            return clientHeader;
        }
        return _default;
    }
    _getAgent(parsedUrl) {
        let agent;
        const proxyUrl = getProxyUrl(parsedUrl);
        const useProxy = proxyUrl && proxyUrl.hostname;
        if (this._keepAlive && useProxy) {
            agent = this._proxyAgent;
        }
        if (!useProxy) {
            agent = this._agent;
        }
        // if agent is already assigned use that agent.
        if (agent) {
            return agent;
        }
        const usingSsl = parsedUrl.protocol === 'https:';
        let maxSockets = 100;
        if (this.requestOptions) {
            maxSockets = this.requestOptions.maxSockets || external_http_.globalAgent.maxSockets;
        }
        // This is `useProxy` again, but we need to check `proxyURl` directly for TypeScripts's flow analysis.
        if (proxyUrl && proxyUrl.hostname) {
            const agentOptions = {
                maxSockets,
                keepAlive: this._keepAlive,
                proxy: Object.assign(Object.assign({}, ((proxyUrl.username || proxyUrl.password) && {
                    proxyAuth: `${proxyUrl.username}:${proxyUrl.password}`
                })), { host: proxyUrl.hostname, port: proxyUrl.port })
            };
            let tunnelAgent;
            const overHttps = proxyUrl.protocol === 'https:';
            if (usingSsl) {
                tunnelAgent = overHttps ? tunnel.httpsOverHttps : tunnel.httpsOverHttp;
            }
            else {
                tunnelAgent = overHttps ? tunnel.httpOverHttps : tunnel.httpOverHttp;
            }
            agent = tunnelAgent(agentOptions);
            this._proxyAgent = agent;
        }
        // if tunneling agent isn't assigned create a new agent
        if (!agent) {
            const options = { keepAlive: this._keepAlive, maxSockets };
            agent = usingSsl ? new external_https_.Agent(options) : new external_http_.Agent(options);
            this._agent = agent;
        }
        if (usingSsl && this._ignoreSslError) {
            // we don't want to set NODE_TLS_REJECT_UNAUTHORIZED=0 since that will affect request for entire process
            // http.RequestOptions doesn't expose a way to modify RequestOptions.agent.options
            // we have to cast it to any and change it directly
            agent.options = Object.assign(agent.options || {}, {
                rejectUnauthorized: false
            });
        }
        return agent;
    }
    _getProxyAgentDispatcher(parsedUrl, proxyUrl) {
        let proxyAgent;
        if (this._keepAlive) {
            proxyAgent = this._proxyAgentDispatcher;
        }
        // if agent is already assigned use that agent.
        if (proxyAgent) {
            return proxyAgent;
        }
        const usingSsl = parsedUrl.protocol === 'https:';
        proxyAgent = new ProxyAgent(Object.assign({ uri: proxyUrl.href, pipelining: !this._keepAlive ? 0 : 1 }, ((proxyUrl.username || proxyUrl.password) && {
            token: `Basic ${Buffer.from(`${proxyUrl.username}:${proxyUrl.password}`).toString('base64')}`
        })));
        this._proxyAgentDispatcher = proxyAgent;
        if (usingSsl && this._ignoreSslError) {
            // we don't want to set NODE_TLS_REJECT_UNAUTHORIZED=0 since that will affect request for entire process
            // http.RequestOptions doesn't expose a way to modify RequestOptions.agent.options
            // we have to cast it to any and change it directly
            proxyAgent.options = Object.assign(proxyAgent.options.requestTls || {}, {
                rejectUnauthorized: false
            });
        }
        return proxyAgent;
    }
    _getUserAgentWithOrchestrationId(userAgent) {
        const baseUserAgent = userAgent || 'actions/http-client';
        const orchId = process.env['ACTIONS_ORCHESTRATION_ID'];
        if (orchId) {
            // Sanitize the orchestration ID to ensure it contains only valid characters
            // Valid characters: 0-9, a-z, _, -, .
            const sanitizedId = orchId.replace(/[^a-z0-9_.-]/gi, '_');
            return `${baseUserAgent} actions_orchestration_id/${sanitizedId}`;
        }
        return baseUserAgent;
    }
    _performExponentialBackoff(retryNumber) {
        return __awaiter(this, void 0, void 0, function* () {
            retryNumber = Math.min(ExponentialBackoffCeiling, retryNumber);
            const ms = ExponentialBackoffTimeSlice * Math.pow(2, retryNumber);
            return new Promise(resolve => setTimeout(() => resolve(), ms));
        });
    }
    _processResponse(res, options) {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve, reject) => __awaiter(this, void 0, void 0, function* () {
                const statusCode = res.message.statusCode || 0;
                const response = {
                    statusCode,
                    result: null,
                    headers: {}
                };
                // not found leads to null obj returned
                if (statusCode === HttpCodes.NotFound) {
                    resolve(response);
                }
                // get the result from the body
                function dateTimeDeserializer(key, value) {
                    if (typeof value === 'string') {
                        const a = new Date(value);
                        if (!isNaN(a.valueOf())) {
                            return a;
                        }
                    }
                    return value;
                }
                let obj;
                let contents;
                try {
                    contents = yield res.readBody();
                    if (contents && contents.length > 0) {
                        if (options && options.deserializeDates) {
                            obj = JSON.parse(contents, dateTimeDeserializer);
                        }
                        else {
                            obj = JSON.parse(contents);
                        }
                        response.result = obj;
                    }
                    response.headers = res.message.headers;
                }
                catch (err) {
                    // Invalid resource (contents not json);  leaving result obj null
                }
                // note that 3xx redirects are handled by the http layer.
                if (statusCode > 299) {
                    let msg;
                    // if exception/error in body, attempt to get better error
                    if (obj && obj.message) {
                        msg = obj.message;
                    }
                    else if (contents && contents.length > 0) {
                        // it may be the case that the exception is in the body message as string
                        msg = contents;
                    }
                    else {
                        msg = `Failed request: (${statusCode})`;
                    }
                    const err = new HttpClientError(msg, statusCode);
                    err.result = response.result;
                    reject(err);
                }
                else {
                    resolve(response);
                }
            }));
        });
    }
}
const lowercaseKeys = (obj) => Object.keys(obj).reduce((c, k) => ((c[k.toLowerCase()] = obj[k]), c), {});
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./src/action-info.ts
/** Kept equal to package.json's version by a test, so the bundle needs no JSON import. */
const ACTION_VERSION = '0.1.0';
const ACTION_NAME = 'gitpod-runner-action';
const USER_AGENT = `${ACTION_NAME}/${ACTION_VERSION} (node ${process.version})`;

;// CONCATENATED MODULE: ./src/api/connect-error.ts
const ADVICE = {
    unauthenticated: 'check the `token` input: it must be a valid Gitpod personal access token ' +
        '(or set ONA_API_KEY / GITPOD_API_KEY)',
    permission_denied: "the token's user needs runner admin rights in the organization",
    invalid_argument: 'the request was rejected as malformed; check the runner spec',
    not_found: 'the runner does not exist (any more)',
    unimplemented: 'this API endpoint does not offer the call; check the `api-url` input',
    resource_exhausted: 'the API is rate limiting; try again later',
    unavailable: 'the API is unreachable or overloaded; try again later',
    deadline_exceeded: 'the API did not answer in time; try again later',
    failed_precondition: 'the organization or runner is not in a state that allows this call',
};
/** A failed call to the Gitpod API, as one line that names the call and the code. */
class connect_error_ConnectError extends Error {
    method;
    code;
    detail;
    delivery;
    httpStatus;
    retryAfterMs;
    constructor(method, code, detail, delivery, httpStatus, 
    /** The delay the server asked for before a retry, when it named one. */
    retryAfterMs, 
    /** Whether to add the code's general advice (off when the detail already says what to do). */
    advise = true) {
        super(describe(method, code, detail, advise));
        this.method = method;
        this.code = code;
        this.detail = detail;
        this.delivery = delivery;
        this.httpStatus = httpStatus;
        this.retryAfterMs = retryAfterMs;
        this.name = 'ConnectError';
    }
}
function describe(method, code, detail, advise) {
    const advice = advise ? ADVICE[code] : undefined;
    const said = detail ? `: ${detail}` : '';
    return `${method} failed with ${code}${said}${advice ? ` (${advice})` : ''}`;
}
/** The code a Connect client assumes when an error response carries none (protocol spec). */
function codeFromHttpStatus(status) {
    switch (status) {
        case 400:
            return 'internal';
        case 401:
            return 'unauthenticated';
        case 403:
            return 'permission_denied';
        case 404:
            return 'unimplemented';
        case 408:
            return 'deadline_exceeded';
        case 429:
        case 502:
        case 503:
        case 504:
            return 'unavailable';
        default:
            return 'unknown';
    }
}
const CODES = new Set(Object.keys(ADVICE).concat([
    'canceled',
    'unknown',
    'already_exists',
    'aborted',
    'out_of_range',
    'internal',
    'data_loss',
]));
function isConnectCode(value) {
    return typeof value === 'string' && CODES.has(value);
}

;// CONCATENATED MODULE: ./src/api/retry-after.ts
/** The longest server-requested delay honoured; past it the usual backoff applies. */
const MAX_SERVER_DELAY_MS = 60_000;
/**
 * The delay a server asked for before a retry: `retry-after-ms`, `Retry-After` (seconds or an
 * HTTP date), `RateLimit-RetryAfter` (seconds), or a `google.rpc.RetryInfo` error detail, the way
 * the official SDKs and Terraform provider read them (gitpod-api.md 3.4, 5).
 */
function serverRetryDelayMs(headers, details, now = Date.now()) {
    const candidates = [
        seconds(header(headers, 'retry-after-ms'), 1),
        retryAfter(header(headers, 'retry-after'), now),
        seconds(header(headers, 'ratelimit-retryafter'), 1000),
        retryInfoDelay(details),
    ];
    const found = candidates.find((ms) => ms !== undefined && ms >= 0 && ms <= MAX_SERVER_DELAY_MS);
    return found;
}
function header(headers, name) {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
}
function seconds(raw, unitMs) {
    if (raw === undefined || !/^\s*\d+(\.\d+)?\s*$/.test(raw))
        return undefined;
    return Math.round(Number(raw) * unitMs);
}
function retryAfter(raw, now) {
    if (raw === undefined)
        return undefined;
    const asSeconds = seconds(raw, 1000);
    if (asSeconds !== undefined)
        return asSeconds;
    const date = Date.parse(raw);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
/** A RetryInfo detail: `debug.retryDelay` ("1.5s") when present, else the binary value. */
function retryInfoDelay(details) {
    if (!Array.isArray(details))
        return undefined;
    for (const detail of details) {
        if (detail?.type !== 'google.rpc.RetryInfo')
            continue;
        const debug = detail.debug;
        if (typeof debug?.retryDelay === 'string') {
            const match = /^(\d+(?:\.\d+)?)s$/.exec(debug.retryDelay);
            if (match)
                return Math.round(Number(match[1]) * 1000);
        }
        if (typeof detail.value === 'string')
            return decodeRetryInfo(detail.value);
    }
    return undefined;
}
/** RetryInfo { Duration retry_delay = 1 } with Duration { int64 seconds = 1; int32 nanos = 2 }. */
function decodeRetryInfo(base64) {
    const bytes = Buffer.from(base64, 'base64');
    if (bytes[0] !== 0x0a)
        return undefined;
    const [length, start] = varint(bytes, 1);
    let seconds = 0;
    let nanos = 0;
    let at = start;
    while (at < start + length) {
        const tag = bytes[at];
        const [value, next] = varint(bytes, at + 1);
        if (tag === 0x08)
            seconds = value;
        else if (tag === 0x10)
            nanos = value;
        else
            return undefined;
        at = next;
    }
    return Math.round(seconds * 1000 + nanos / 1e6);
}
function varint(bytes, start) {
    let value = 0;
    let shift = 0;
    let at = start;
    while (at < bytes.length) {
        const byte = bytes[at++];
        value += (byte & 0x7f) * 2 ** shift;
        if ((byte & 0x80) === 0)
            break;
        shift += 7;
    }
    return [value, at];
}

;// CONCATENATED MODULE: ./src/api/connect-client.ts




/** Errors that happen before a request leaves this machine: the server cannot have acted. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
/**
 * A unary Connect call with a JSON body, through @actions/http-client so that the runner's
 * HTTP(S)_PROXY and NO_PROXY apply. One attempt per call: retries are the caller's policy.
 */
class ConnectClient {
    options;
    http;
    baseUrl;
    constructor(options) {
        this.options = options;
        this.baseUrl = options.baseUrl.replace(/\/+$/, '');
        this.http = new HttpClient(USER_AGENT, [], {
            allowRetries: false,
            allowRedirects: false,
            keepAlive: options.keepAlive ?? false,
            socketTimeout: options.timeoutMs,
        });
    }
    async call(service, method, body) {
        const url = `${this.baseUrl}/${service}/${method}`;
        const headers = {
            'Content-Type': 'application/json',
            'Connect-Protocol-Version': '1',
            Authorization: `Bearer ${this.options.token}`,
        };
        const { timeoutMs, deadline: stepDeadline } = this.options;
        const limit = Math.max(1, Math.min(timeoutMs, (stepDeadline ?? Infinity) - Date.now()));
        let timer;
        const deadline = new Promise((_, reject) => {
            timer = setTimeout(() => reject(timeoutError(method, limit)), limit);
        });
        try {
            return await Promise.race([this.send(method, url, body, headers), deadline]);
        }
        finally {
            clearTimeout(timer);
        }
    }
    dispose() {
        this.http.dispose();
    }
    async send(method, url, body, headers) {
        let response;
        let text;
        try {
            response = await this.http.post(url, JSON.stringify(body), headers);
            text = await response.readBody();
        }
        catch (error) {
            throw networkError(method, error);
        }
        const status = response.message.statusCode ?? 0;
        if (status === 200)
            return parseSuccess(method, text);
        throw parseFailure(method, response, status, text);
    }
}
function parseSuccess(method, text) {
    try {
        return (text ? JSON.parse(text) : {});
    }
    catch {
        // The server acted, but what it said is unreadable: treat it as an unanswered request.
        throw new connect_error_ConnectError(method, 'internal', 'the API answered with a body that is not JSON', 'maybe', 200);
    }
}
function parseFailure(method, response, status, text) {
    const headers = response.message.headers;
    const body = parseJson(text);
    const delay = serverRetryDelayMs(headers, body?.details);
    if (body && isConnectCode(body.code)) {
        const message = typeof body.message === 'string' ? oneLine(body.message) : '';
        const delivery = body.code === 'deadline_exceeded' ? 'maybe' : 'yes';
        return new connect_error_ConnectError(method, body.code, message, delivery, status, delay);
    }
    // Not a Connect answer: a proxy's or load balancer's page. A gateway error may hide a server
    // that acted, so a 5xx counts as an unanswered request.
    const kind = String(headers['content-type'] ?? 'no content type').split(';')[0];
    const detail = `HTTP ${status} with a non-Connect body (${kind})`;
    const delivery = status >= 500 ? 'maybe' : 'yes';
    return new connect_error_ConnectError(method, codeFromHttpStatus(status), detail, delivery, status, delay);
}
function parseJson(text) {
    try {
        const value = JSON.parse(text);
        return value && typeof value === 'object' ? value : undefined;
    }
    catch {
        return undefined;
    }
}
function networkError(method, error) {
    const { code = '', hostname } = (error ?? {});
    const message = error instanceof Error ? error.message : String(error);
    if (message.startsWith('Request timeout'))
        return timeoutError(method);
    if (NOT_SENT.has(code)) {
        const where = hostname ? ` (${hostname})` : '';
        const detail = `${code}${where}: the request never left this machine; check \`api-url\` and HTTPS_PROXY/NO_PROXY`;
        return new connect_error_ConnectError(method, 'unavailable', detail, 'no', undefined, undefined, false);
    }
    return new connect_error_ConnectError(method, 'unavailable', oneLine(code || message), 'maybe');
}
function timeoutError(method, timeoutMs) {
    const after = timeoutMs ? ` after ${Math.round(timeoutMs / 100) / 10} s` : '';
    return new connect_error_ConnectError(method, 'deadline_exceeded', `no answer${after}`, 'maybe');
}
function oneLine(text) {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > 300 ? `${flat.slice(0, 300)}…` : flat;
}

;// CONCATENATED MODULE: ./src/api/runner-service.ts

const RUNNER_SERVICE = 'gitpod.v1.RunnerService';
const INTERACTION_SERVICE = 'gitpod.v1.RunnerInteractionService';
const IDENTITY_SERVICE = 'gitpod.v1.IdentityService';
/** Pages of ListRunners are walked to the end, but never forever. */
const MAX_PAGES = 1000;
/** The calls this action makes, one attempt each (retries are the caller's policy). */
class RunnerService {
    client;
    constructor(options) {
        this.client = new ConnectClient(options);
    }
    createRunner(request) {
        return this.client.call(RUNNER_SERVICE, 'CreateRunner', request);
    }
    async getRunner(runnerId) {
        const response = await this.client.call(RUNNER_SERVICE, 'GetRunner', {
            runnerId,
        });
        return response.runner;
    }
    /** Every runner the token can see, all pages (pagination travels in the body). */
    async listRunners(filter) {
        const runners = [];
        const seen = new Set();
        let token = '';
        for (let page = 0; page < MAX_PAGES; page++) {
            const response = await this.client.call(RUNNER_SERVICE, 'ListRunners', {
                pagination: { pageSize: 100, ...(token ? { token } : {}) },
                ...(filter ? { filter } : {}),
            });
            runners.push(...(response.runners ?? []));
            token = response.pagination?.nextToken ?? '';
            if (!token || seen.has(token))
                break;
            seen.add(token);
        }
        return runners;
    }
    async updateRunnerName(runnerId, name) {
        await this.client.call(RUNNER_SERVICE, 'UpdateRunner', { runnerId, name });
    }
    /** Never `force`: a forced delete also deletes the runner's environments. */
    async deleteRunner(runnerId) {
        await this.client.call(RUNNER_SERVICE, 'DeleteRunner', { runnerId });
    }
    createRunnerToken(runnerId) {
        return this.client.call(RUNNER_SERVICE, 'CreateRunnerToken', { runnerId });
    }
    /** The API's 30-second heartbeat for a registration. */
    async markRunnerActive(runnerId) {
        await this.client.call(INTERACTION_SERVICE, 'MarkRunnerActive', { runnerId });
    }
    getAuthenticatedIdentity() {
        return this.client.call(IDENTITY_SERVICE, 'GetAuthenticatedIdentity', {});
    }
    dispose() {
        this.client.dispose();
    }
}

;// CONCATENATED MODULE: ./src/time-scale.ts
/**
 * The test-only time scale (docs/architecture.md). Every duration of the keep-alive machinery
 * goes through `scaled()`, so that one variable speeds up the emulator's lifetime, the keeper's
 * interval, jitter, backoff and timeouts, and the post step's lapse detection together.
 */
const TIME_SCALE_VARIABLE = 'GITPOD_RUNNER_ACTION_TIME_SCALE';
function timeScale(env = process.env) {
    const raw = env[TIME_SCALE_VARIABLE];
    if (!raw)
        return 1;
    const value = Number(raw);
    return Number.isFinite(value) && value > 0 ? value : 1;
}
/** `ms` in the scaled clock, never below one millisecond. */
function scaled(ms, env = process.env) {
    return Math.max(1, Math.round(ms * timeScale(env)));
}
/** The API's registration lifetime: renew at least this often. */
const REGISTRATION_LIFETIME_MS = 30_000;

;// CONCATENATED MODULE: ./src/keep-alive/keeper-config.ts
/** The longest config accepted on stdin: enough for any real one, small enough to stay lean. */
const MAX_CONFIG_BYTES = 64 * 1024;
const RENEWALS = ['mark-active', 'update-runner'];
/**
 * Reads and checks the keeper's config. Errors name the field and what was expected, never the
 * value: one of the fields is the API token.
 */
function parseKeeperConfig(text) {
    let raw;
    try {
        raw = JSON.parse(text);
    }
    catch {
        throw new Error(`keeper config: stdin is not one JSON document (${text.length} characters)`);
    }
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
        throw new Error('keeper config: stdin must hold a JSON object');
    }
    const fields = raw;
    const config = {
        apiUrl: httpUrl(fields, 'apiUrl'),
        token: requiredText(fields, 'token'),
        runnerId: requiredText(fields, 'runnerId'),
        runnerName: typeof fields.runnerName === 'string' ? fields.runnerName : '',
        renewal: oneOf(fields, 'renewal', RENEWALS),
        intervalMs: duration(fields, 'intervalMs'),
        lifetimeMs: duration(fields, 'lifetimeMs'),
        keepAliveTimeoutMs: duration(fields, 'keepAliveTimeoutMs'),
        statusFile: requiredText(fields, 'statusFile'),
        instance: requiredText(fields, 'instance'),
        lastRenewalAt: epochMs(fields, 'lastRenewalAt'),
    };
    // UpdateRunner renews by rewriting the name, so it needs the name; MarkRunnerActive does not.
    if (config.renewal === 'update-runner' && config.runnerName.trim() === '') {
        throw new Error('keeper config: "runnerName" is needed to renew with update-runner');
    }
    if (config.intervalMs > config.lifetimeMs) {
        throw new Error(`keeper config: intervalMs (${config.intervalMs}) must not exceed lifetimeMs ` +
            `(${config.lifetimeMs}), or every registration would lapse between renewals`);
    }
    return config;
}
function requiredText(fields, name) {
    const value = fields[name];
    if (typeof value !== 'string' || value.trim() === '') {
        throw new Error(`keeper config: "${name}" must be a non-empty string`);
    }
    return value;
}
function httpUrl(fields, name) {
    const value = requiredText(fields, name);
    if (!/^https?:\/\/[^\s]+$/i.test(value)) {
        throw new Error(`keeper config: "${name}" must be an http(s) URL`);
    }
    return value;
}
function oneOf(fields, name, allowed) {
    const value = fields[name];
    if (typeof value !== 'string' || !allowed.includes(value)) {
        throw new Error(`keeper config: "${name}" must be one of ${allowed.join(', ')}`);
    }
    return value;
}
function duration(fields, name) {
    const value = fields[name];
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
        throw new Error(`keeper config: "${name}" must be a positive number of milliseconds`);
    }
    return value;
}
function epochMs(fields, name) {
    const value = fields[name];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
        throw new Error(`keeper config: "${name}" must be a time in epoch milliseconds`);
    }
    return value;
}

;// CONCATENATED MODULE: ./src/keep-alive/keeper-log.ts
/**
 * The keeper's log: one line per event on stdout, which the main step points at a file in
 * RUNNER_TEMP. Writes to a file descriptor are synchronous, so a line is on disk before the
 * keeper can be stopped.
 */
function logLine(text, now = Date.now()) {
    process.stdout.write(`${new Date(now).toISOString()} ${text}\n`);
}
function keeper_log_seconds(ms) {
    return `${(ms / 1000).toFixed(1)} s`;
}
function errorMessage(error) {
    return error instanceof Error ? error.message : String(error);
}

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: ./src/keep-alive/keeper-status.ts


/**
 * Replaces the status file in one step: the reader sees the old or the new file, never half of
 * one. The temporary file sits in the same directory, so the rename stays on one file system.
 */
function writeStatus(file, status) {
    const temporary = `${file}.${(0,external_node_crypto_namespaceObject.randomBytes)(4).toString('hex')}.tmp`;
    try {
        (0,external_node_fs_namespaceObject.writeFileSync)(temporary, `${JSON.stringify(status)}\n`);
        renameOver(temporary, file);
    }
    catch (error) {
        (0,external_node_fs_namespaceObject.rmSync)(temporary, { force: true });
        throw error;
    }
}
/**
 * Windows refuses to replace a file another process has open (the post step reading it, a virus
 * scanner) for a moment: try again a few times before giving up.
 */
function renameOver(from, to) {
    for (let attempt = 1;; attempt++) {
        try {
            return (0,external_node_fs_namespaceObject.renameSync)(from, to);
        }
        catch (error) {
            const code = error.code ?? '';
            if (process.platform !== 'win32' || attempt >= 5 || !BUSY.has(code))
                throw error;
            Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20 * attempt);
        }
    }
}
const BUSY = new Set(['EPERM', 'EACCES', 'EBUSY']);
/** The status, or undefined when there is none yet or it cannot be read. Never throws. */
function readStatus(file) {
    try {
        const value = JSON.parse(readFileSync(file, 'utf8'));
        return isKeeperStatus(value) ? value : undefined;
    }
    catch {
        return undefined;
    }
}
const NUMBERS = (/* unused pure expression or super */ null && ([
    'pid',
    'startedAt',
    'updatedAt',
    'renewals',
    'failures',
    'lastSuccessAt',
    'longestGapMs',
    'lapses',
]));
function isKeeperStatus(value) {
    if (!value || typeof value !== 'object')
        return false;
    const fields = value;
    return (NUMBERS.every((name) => typeof fields[name] === 'number') &&
        typeof fields.instance === 'string' &&
        typeof fields.runnerId === 'string' &&
        typeof fields.lapsed === 'boolean' &&
        (fields.state === 'running' || fields.state === 'stopped'));
}

;// CONCATENATED MODULE: ./src/keep-alive/renewal.ts

/** One renewal attempt; retries and timing are the caller's (main's first renewal, the keeper). */
async function renew(service, method, runner) {
    if (method === 'mark-active') {
        await service.markRunnerActive(runner.runnerId);
        return;
    }
    await service.updateRunnerName(runner.runnerId, runner.name);
}
/**
 * Answers that no later renewal can change: the runner is gone, or the token no longer may
 * renew it. Everything else (rate limits, outages, timeouts, a proxy's error page) may pass.
 */
const FINAL_CODES = new Set(['not_found', 'unauthenticated', 'permission_denied']);
function isFinalRenewalError(error) {
    return error instanceof connect_error_ConnectError && FINAL_CODES.has(error.code);
}

;// CONCATENATED MODULE: ./src/keep-alive/renewal-tally.ts
/**
 * The keeper's running account of renewals, failures, gaps and lapses. Constant size: a keeper
 * may renew twenty thousand times, so nothing here grows with the count.
 */
class RenewalTally {
    status;
    lifetimeMs;
    constructor(start) {
        this.lifetimeMs = start.lifetimeMs;
        this.status = {
            pid: start.pid,
            instance: start.instance,
            runnerId: start.runnerId,
            startedAt: start.startedAt,
            updatedAt: start.startedAt,
            state: 'running',
            renewals: 0,
            failures: 0,
            lastSuccessAt: start.lastRenewalAt,
            longestGapMs: 0,
            lapses: 0,
            lapsed: false,
        };
    }
    get lastSuccessAt() {
        return this.status.lastSuccessAt;
    }
    get stopped() {
        return this.status.state === 'stopped';
    }
    /** Records a renewal; `endedLapse` when the registration had gone a lifetime without one. */
    succeeded(now) {
        const gapMs = Math.max(0, now - this.status.lastSuccessAt);
        const endedLapse = this.status.lapsed || gapMs > this.lifetimeMs;
        // A lapse that began and ended within one slow attempt is only seen here.
        if (!this.status.lapsed && endedLapse)
            this.status.lapses++;
        this.status.renewals++;
        this.status.lastSuccessAt = now;
        this.status.longestGapMs = Math.max(this.status.longestGapMs, gapMs);
        this.status.lapsed = false;
        delete this.status.lastError;
        return { gapMs, endedLapse };
    }
    failed(error) {
        this.status.failures++;
        this.status.lastError = error;
    }
    /** True at the moment a lapse begins, so that it is logged once. */
    checkLapse(now) {
        if (this.status.lapsed || now - this.status.lastSuccessAt <= this.lifetimeMs)
            return false;
        this.status.lapsed = true;
        this.status.lapses++;
        return true;
    }
    stop(now, reason, detail) {
        this.status.state = 'stopped';
        this.status.stopReason = reason;
        this.status.stoppedAt = now;
        if (detail)
            this.status.stopDetail = detail;
    }
    snapshot(now) {
        return { ...this.status, updatedAt: now };
    }
}

;// CONCATENATED MODULE: ./src/api/retry.ts

/** Codes that say "not now" rather than "no": the same request may well succeed later. */
const TRANSIENT = new Set(['unavailable', 'resource_exhausted', 'deadline_exceeded']);
function isTransient(error) {
    return error instanceof ConnectError && TRANSIENT.has(error.code);
}
/**
 * Runs `attempt` until it succeeds, fails for good, or the attempts or the deadline run out.
 * The wait before a retry is the server's `Retry-After` when it gave one, otherwise capped
 * exponential backoff with jitter, as the official SDKs do: base * 2^n, at most max, minus up
 * to 25 %.
 */
async function withRetries(what, policy, attempt, retryable = isTransient) {
    const random = policy.random ?? Math.random;
    for (let number = 1;; number++) {
        const started = Date.now();
        try {
            const result = await attempt(number);
            policy.log?.debug(`${what}: attempt ${number} succeeded in ${Date.now() - started} ms`);
            return result;
        }
        catch (error) {
            const reason = error instanceof Error ? error.message : String(error);
            policy.log?.debug(`${what}: attempt ${number} failed in ${Date.now() - started} ms: ${reason}`);
            if (number >= policy.attempts || !retryable(error))
                throw error;
            const wait = fitWait(retryDelayMs(error, number, policy, random), policy);
            if (wait === undefined)
                throw error;
            policy.log?.info(`${what}: attempt ${number + 1} of ${policy.attempts} in ${formatSeconds(wait)} (${reason})`);
            await sleep(wait);
        }
    }
}
/** The wait before the next attempt, or undefined when no attempt fits before the deadline. */
function fitWait(wait, policy) {
    if (policy.deadline === undefined)
        return wait;
    const left = policy.deadline - Date.now();
    if (wait < left)
        return wait;
    if (policy.lastAttemptMs === undefined || left <= policy.lastAttemptMs)
        return undefined;
    return left - policy.lastAttemptMs;
}
function retryDelayMs(error, failedAttempt, policy, random = Math.random) {
    const asked = error instanceof connect_error_ConnectError ? error.retryAfterMs : undefined;
    if (asked !== undefined)
        return asked;
    const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failedAttempt - 1));
    return Math.round(backoff * (1 - random() * 0.25));
}
function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}
function formatSeconds(ms) {
    return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}

;// CONCATENATED MODULE: ./src/keep-alive/schedule.ts

/**
 * Up to this share of the interval comes off each renewal, so that the legs of a matrix started
 * together drift apart instead of renewing in lockstep. Only earlier, never later.
 */
const JITTER_SHARE = 0.1;
function nextRenewalAt(lastSuccessAt, timing, random) {
    const jitter = random() * JITTER_SHARE * timing.intervalMs;
    return Math.round(lastSuccessAt + timing.intervalMs - jitter);
}
function lapsesAt(lastSuccessAt, timing) {
    return lastSuccessAt + timing.lifetimeMs;
}
function isLapsed(now, lastSuccessAt, timing) {
    return now > lapsesAt(lastSuccessAt, timing);
}
/**
 * When to try again after `failures` failed attempts in a row: exponential backoff from a tenth
 * of the interval up to the interval, or the server's Retry-After, but never so late that the
 * registration lapses before the retry can finish: by the start of the last attempt's time at
 * the latest, and within it, after the shortest wait. Once it seems to have lapsed, backoff
 * continues, capped at one interval, until a renewal gets through.
 */
function retryAt(now, lastSuccessAt, failures, error, timing, random) {
    const backoff = { baseDelayMs: timing.intervalMs / 10, maxDelayMs: timing.intervalMs };
    // A server asking for no wait at all must not turn the keeper into a busy loop.
    const shortest = backoff.baseDelayMs / 2;
    const wait = Math.max(retryDelayMs(error, failures, backoff, random), shortest);
    const lapseAt = lapsesAt(lastSuccessAt, timing);
    const lastAttemptAt = lapseAt - Math.max(timing.lastAttemptMs ?? 0, timing.minAttemptMs);
    if (now < lastAttemptAt)
        return Math.round(now + Math.min(wait, lastAttemptAt - now));
    const latestStart = lapseAt - timing.minAttemptMs;
    if (now < latestStart)
        return Math.round(now + Math.min(shortest, latestStart - now));
    // Past the lapse as the keeper sees it. An attempt whose answer was lost may still have renewed
    // on the server, so a long Retry-After could turn a lapse that never happened into a real one:
    // never wait longer than an interval.
    return Math.round(now + Math.min(wait, timing.intervalMs));
}
/**
 * How long one attempt may take: an interval at most, and no longer than the registration has
 * left, since an answer after the lapse comes too late to prevent it. While there is time for
 * a last attempt after it, it gives up in time to leave that attempt its `lastAttemptMs`.
 */
function attemptTimeoutMs(now, lastSuccessAt, timing) {
    const left = lapsesAt(lastSuccessAt, timing) - now;
    if (left <= 0)
        return Math.max(timing.minAttemptMs, timing.intervalMs);
    const beforeLastAttempt = left - (timing.lastAttemptMs ?? 0);
    const timeout = beforeLastAttempt >= timing.minAttemptMs ? beforeLastAttempt : left;
    return Math.max(timing.minAttemptMs, Math.round(Math.min(timing.intervalMs, timeout)));
}

;// CONCATENATED MODULE: ./src/keep-alive/keeper.ts








/** The main step closes the pipe at once; a keeper still waiting after this was orphaned. */
const STDIN_WAIT_MS = 30_000;
const EXIT_CODES = {
    'stopped-by-post': 0,
    'keep-alive-timeout': 0,
    'final-error': 2,
    lapsed: 2,
    crashed: 1,
    'bad-config': 3,
};
/**
 * The keeper process: reads its config (with the API token) from stdin, then renews the
 * registration until the post step stops it, a final answer ends it, or keep-alive-timeout.
 */
async function run() {
    // A log that cannot be written must not take the renewals down with it.
    process.stdout.on('error', () => undefined);
    let config;
    try {
        config = parseKeeperConfig(await readStdin(process.stdin));
    }
    catch (error) {
        logLine(`keeper not started: ${errorMessage(error)}`);
        process.exit(EXIT_CODES['bad-config']);
    }
    const keeper = new Keeper(config);
    const stopByPost = () => keeper.stop('stopped-by-post');
    process.on('SIGTERM', stopByPost);
    process.on('SIGINT', stopByPost);
    process.on('uncaughtException', (error) => keeper.stop('crashed', errorMessage(error)));
    process.on('unhandledRejection', (error) => keeper.stop('crashed', errorMessage(error)));
    try {
        await keeper.keepAlive();
    }
    catch (error) {
        keeper.stop('crashed', errorMessage(error));
    }
}
class Keeper {
    config;
    tally;
    timing;
    deadline;
    service;
    statusWritable = true;
    constructor(config) {
        this.config = config;
        const startedAt = Date.now();
        this.deadline = startedAt + config.keepAliveTimeoutMs;
        this.timing = {
            intervalMs: config.intervalMs,
            lifetimeMs: config.lifetimeMs,
            minAttemptMs: scaled(250),
            // 6 s of a 30 s lifetime. Without it a hung request ran into the lapse at renew-interval
            // 20, and a long Retry-After put the retry 250 ms before it: often too late to arrive.
            lastAttemptMs: config.lifetimeMs / 5,
        };
        this.tally = new RenewalTally({
            pid: process.pid,
            instance: config.instance,
            runnerId: config.runnerId,
            startedAt,
            lastRenewalAt: config.lastRenewalAt,
            lifetimeMs: config.lifetimeMs,
        });
    }
    async keepAlive() {
        const { runnerId, renewal, intervalMs, lifetimeMs } = this.config;
        // Without a status file the post step cannot tell this process is ours, so cannot stop it.
        writeStatus(this.config.statusFile, this.tally.snapshot(Date.now()));
        logLine(`keeper ${process.pid} renews runner ${runnerId} by ${renewal} every ` +
            `${keeper_log_seconds(intervalMs)} (lifetime ${keeper_log_seconds(lifetimeMs)})`);
        let failures = 0;
        let attemptAt = nextRenewalAt(this.tally.lastSuccessAt, this.timing, Math.random);
        for (;;) {
            await this.waitUntil(attemptAt);
            try {
                await this.renewOnce();
                failures = 0;
                attemptAt = nextRenewalAt(this.tally.lastSuccessAt, this.timing, Math.random);
            }
            catch (error) {
                failures++;
                attemptAt = this.failed(error, failures);
            }
            const now = Date.now();
            if (this.tally.checkLapse(now)) {
                logLine(`registration lapsed: no renewal for ${keeper_log_seconds(now - this.tally.lastSuccessAt)}`);
            }
            this.saveStatus();
        }
    }
    /** Records why the keeper stops, then exits at once, even with a request in flight. */
    stop(reason, detail) {
        if (!this.tally.stopped) {
            this.tally.stop(Date.now(), reason, detail);
            this.saveStatus();
            logLine(`keeper stopped: ${reason}${detail ? ` (${detail})` : ''}`);
        }
        this.service?.instance.dispose();
        process.exit(EXIT_CODES[reason]);
    }
    async renewOnce() {
        const started = Date.now();
        const timeoutMs = Math.min(attemptTimeoutMs(started, this.tally.lastSuccessAt, this.timing), this.deadline - started);
        if (timeoutMs < this.timing.minAttemptMs)
            this.stop('keep-alive-timeout');
        const { runnerId, runnerName: name, renewal } = this.config;
        await renew(this.serviceFor(timeoutMs), renewal, { runnerId, name });
        const { gapMs, endedLapse } = this.tally.succeeded(Date.now());
        logLine(`renewed${endedLapse ? ' after a lapse' : ''} (gap ${keeper_log_seconds(gapMs)})`);
    }
    failed(error, failures) {
        const now = Date.now();
        const message = errorMessage(error);
        // A failed request may leave a half-open connection behind: the next attempt starts afresh.
        this.dropService();
        if (isFinalRenewalError(error)) {
            this.stop(isLapsed(now, this.tally.lastSuccessAt, this.timing) ? 'lapsed' : 'final-error', message);
        }
        this.tally.failed(message);
        const next = retryAt(now, this.tally.lastSuccessAt, failures, error, this.timing, Math.random);
        logLine(`renewal failed: ${message}; retry ${failures} in ${keeper_log_seconds(next - now)}`, now);
        return next;
    }
    /** Sleeps until `at`, or stops at keep-alive-timeout if that comes first. */
    async waitUntil(at) {
        const wait = Math.min(at, this.deadline) - Date.now();
        if (wait > 0)
            await new Promise((resolve) => setTimeout(resolve, wait));
        if (Date.now() >= this.deadline)
            this.stop('keep-alive-timeout');
    }
    /** One connection kept open between renewals, rebuilt when the attempt timeout changes. */
    serviceFor(timeoutMs) {
        if (this.service?.timeoutMs === timeoutMs)
            return this.service.instance;
        this.dropService();
        const { apiUrl: baseUrl, token } = this.config;
        const instance = new RunnerService({ baseUrl, token, timeoutMs, keepAlive: true });
        this.service = { instance, timeoutMs };
        return instance;
    }
    dropService() {
        this.service?.instance.dispose();
        this.service = undefined;
    }
    saveStatus() {
        try {
            writeStatus(this.config.statusFile, this.tally.snapshot(Date.now()));
            this.statusWritable = true;
        }
        catch (error) {
            // Logged once per outage, not once per renewal.
            if (this.statusWritable)
                logLine(`cannot write the status file: ${errorMessage(error)}`);
            this.statusWritable = false;
        }
    }
}
function readStdin(stdin) {
    return new Promise((resolve, reject) => {
        let text = '';
        const fail = (error) => {
            clearTimeout(timer);
            stdin.destroy();
            reject(error);
        };
        const timer = setTimeout(() => fail(new Error(`stdin was not closed within ${keeper_log_seconds(STDIN_WAIT_MS)}`)), STDIN_WAIT_MS);
        stdin.setEncoding('utf8');
        stdin.on('data', (chunk) => {
            text += chunk;
            if (text.length > MAX_CONFIG_BYTES)
                fail(new Error('the config on stdin is too long'));
        });
        stdin.on('error', fail);
        stdin.on('end', () => {
            clearTimeout(timer);
            resolve(text);
        });
    });
}


/***/ }),

/***/ 613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 23:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(169);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
