//! Reading the hub's rows back, the same on SQLite and PostgreSQL: both keep ids as text
//! and kinds as the words [`Role`], [`CodeKind`] and [`ReceiptKind`] use, so one reader
//! serves both (generic over sqlx's row type).

use super::{AuditLine, CodeKind, CodeRecord, DeviceRecord, MemberRecord, Role, StoreError};
use kumppani_core::audit::OrganiserAction;
use kumppani_core::derive::seats::ReceiptKind;
use kumppani_core::wire::DocKind;
use sqlx::{Decode, Row, Type};
use std::str::FromStr;

pub const MEMBER_COLUMNS: &str = "id, project_id, display_name, role, member_doc";
pub const DEVICE_COLUMNS: &str = "id, member_id, name, created_at, revoked_at";

pub fn parse_id<T: FromStr>(s: &str) -> Result<T, StoreError> {
    s.parse()
        .map_err(|_| StoreError::Corrupt(format!("bad id {s:?}")))
}

pub fn opt_id<T: FromStr>(s: Option<String>) -> Result<Option<T>, StoreError> {
    s.as_deref().map(parse_id).transpose()
}

pub fn doc_kind(v: i64) -> Result<DocKind, StoreError> {
    Ok(match v {
        1 => DocKind::Member,
        2 => DocKind::Project,
        3 => DocKind::Staff,
        _ => return Err(StoreError::Corrupt(format!("bad doc kind {v}"))),
    })
}

pub fn receipt_kind(s: &str) -> Result<ReceiptKind, StoreError> {
    match s {
        "request" => Ok(ReceiptKind::Request),
        "cancel" => Ok(ReceiptKind::Cancel),
        _ => Err(StoreError::Corrupt(format!("bad receipt kind {s:?}"))),
    }
}

/// An audit action as its row keeps it: JSON.
pub fn audit_json(action: &OrganiserAction) -> Result<String, StoreError> {
    serde_json::to_string(action).map_err(|e| StoreError::Corrupt(format!("audit action: {e}")))
}

pub const AUDIT_COLUMNS: &str = "seq, at, member_id, device_id, action";

pub fn audit_from_row<'r, R>(row: &'r R) -> Result<AuditLine, StoreError>
where
    R: Row,
    for<'c> &'c str: sqlx::ColumnIndex<R>,
    String: Decode<'r, R::Database> + Type<R::Database>,
    i64: Decode<'r, R::Database> + Type<R::Database>,
{
    let action = text(row, "action")?;
    Ok(AuditLine {
        seq: row.try_get::<i64, _>("seq")? as u64,
        at: row.try_get("at")?,
        member: parse_id(&text(row, "member_id")?)?,
        device: parse_id(&text(row, "device_id")?)?,
        action: serde_json::from_str(&action)
            .map_err(|e| StoreError::Corrupt(format!("bad audit action {action:?}: {e}")))?,
    })
}

/// A unique value is already taken (SQLite's constraint error, PostgreSQL's 23505).
pub fn is_unique_violation(e: &sqlx::Error) -> bool {
    matches!(e, sqlx::Error::Database(d) if d.is_unique_violation())
}

/// Maps a unique violation to [`StoreError::Conflict`] naming `what`.
pub fn conflict(what: &'static str) -> impl FnOnce(sqlx::Error) -> StoreError {
    move |e| {
        if is_unique_violation(&e) {
            StoreError::Conflict(what)
        } else {
            e.into()
        }
    }
}

fn text<'r, R>(row: &'r R, column: &str) -> Result<String, sqlx::Error>
where
    R: Row,
    for<'c> &'c str: sqlx::ColumnIndex<R>,
    String: Decode<'r, R::Database> + Type<R::Database>,
{
    row.try_get(column)
}

fn opt_text<'r, R>(row: &'r R, column: &str) -> Result<Option<String>, sqlx::Error>
where
    R: Row,
    for<'c> &'c str: sqlx::ColumnIndex<R>,
    Option<String>: Decode<'r, R::Database> + Type<R::Database>,
{
    row.try_get(column)
}

pub fn member_from_row<'r, R>(row: &'r R) -> Result<MemberRecord, StoreError>
where
    R: Row,
    for<'c> &'c str: sqlx::ColumnIndex<R>,
    String: Decode<'r, R::Database> + Type<R::Database>,
{
    let role = text(row, "role")?;
    Ok(MemberRecord {
        id: parse_id(&text(row, "id")?)?,
        project: parse_id(&text(row, "project_id")?)?,
        display_name: text(row, "display_name")?,
        role: Role::parse(&role)
            .ok_or_else(|| StoreError::Corrupt(format!("bad role {role:?}")))?,
        member_doc: parse_id(&text(row, "member_doc")?)?,
    })
}

pub fn code_from_row<'r, R>(row: &'r R) -> Result<CodeRecord, StoreError>
where
    R: Row,
    for<'c> &'c str: sqlx::ColumnIndex<R>,
    String: Decode<'r, R::Database> + Type<R::Database>,
    Option<String>: Decode<'r, R::Database> + Type<R::Database>,
    Option<i64>: Decode<'r, R::Database> + Type<R::Database>,
{
    let kind = text(row, "kind")?;
    Ok(CodeRecord {
        code: text(row, "code")?,
        project: parse_id(&text(row, "project_id")?)?,
        kind: CodeKind::parse(&kind)
            .ok_or_else(|| StoreError::Corrupt(format!("bad code kind {kind:?}")))?,
        member: opt_id(opt_text(row, "member_id")?)?,
        expires_at: row.try_get("expires_at")?,
        used_at: row.try_get("used_at")?,
    })
}

pub fn device_from_row<'r, R>(row: &'r R) -> Result<DeviceRecord, StoreError>
where
    R: Row,
    for<'c> &'c str: sqlx::ColumnIndex<R>,
    String: Decode<'r, R::Database> + Type<R::Database>,
    i64: Decode<'r, R::Database> + Type<R::Database>,
    Option<i64>: Decode<'r, R::Database> + Type<R::Database>,
{
    Ok(DeviceRecord {
        id: parse_id(&text(row, "id")?)?,
        member: parse_id(&text(row, "member_id")?)?,
        name: text(row, "name")?,
        created_at: row.try_get("created_at")?,
        revoked_at: row.try_get("revoked_at")?,
    })
}

/// `(seq, data)` rows, in the order given.
pub fn chunks_from_rows<'r, R>(rows: &'r [R]) -> Result<Vec<(u64, Vec<u8>)>, StoreError>
where
    R: Row,
    for<'c> &'c str: sqlx::ColumnIndex<R>,
    i64: Decode<'r, R::Database> + Type<R::Database>,
    Vec<u8>: Decode<'r, R::Database> + Type<R::Database>,
{
    rows.iter()
        .map(|row| Ok((row.try_get::<i64, _>("seq")? as u64, row.try_get("data")?)))
        .collect::<Result<_, sqlx::Error>>()
        .map_err(Into::into)
}
