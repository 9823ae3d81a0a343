/** The web-service framework: import what a service needs from './framework'. */
export { App, type Handler, type Middleware, type Next } from './app';
export { empty, HttpError, json, Request, Response, type Header, type RawRequest, type RawResponse } from './http';
export { FakeMailProvider, MailError, type DeliveredEmail, type Email, type MailProvider } from './mail';
export type { Service, ServiceEnv } from './service';
export { Database, DatabaseError, openDatabase, UniqueViolation, type Row, type SqlParams, type SqlValue } from './sqlite';
export { DiskError, MemoryDisk, type Disk } from './storage';
export { TaskQueue, type Clock, type Task, type TaskFailure } from './tasks';
