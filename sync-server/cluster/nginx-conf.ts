// Runs in Node. An nginx configuration for several Filmfold processes behind one address: the
// cluster test writes one with its own ports, and deploy/nginx.conf is the same made by hand.
// A push is safe to send twice (its mutation id makes a replay change nothing), so a request whose
// process died is passed to the next one; when none answers, the client gets 503 with Retry-After,
// never a bare 502.

export interface NginxOptions {
  /** Where nginx keeps its pid, logs and temporary files. */
  prefix: string;
  listen: number;
  upstreams: readonly number[];
}

export function nginxConf({ prefix, listen, upstreams }: NginxOptions): string {
  return `daemon off;
worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  client_max_body_size 2m;
  upstream filmfold {
${upstreams.map((port) => `    server 127.0.0.1:${port} max_fails=1 fail_timeout=5s;`).join('\n')}
    keepalive 32;
  }
  server {
    listen 127.0.0.1:${listen};
    location / {
      proxy_pass http://filmfold;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_connect_timeout 2s;
      proxy_read_timeout 60s;
      proxy_next_upstream error timeout non_idempotent;
      proxy_next_upstream_tries 3;
      error_page 502 504 = @unavailable;
    }
    location @unavailable {
      default_type application/json;
      add_header Retry-After 2 always;
      return 503 '{"error":{"code":"unavailable","message":"No Filmfold process answered; try again shortly."}}';
    }
  }
}
`;
}
