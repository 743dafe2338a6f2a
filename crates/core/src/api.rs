//! The hub's HTTP API bodies (JSON), shared by the hub and the app so they cannot drift.

use crate::ids::{DeviceId, DocId, MemberId, ProjectId};
use serde::{Deserialize, Serialize};

/// `POST /api/join`
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JoinRequest {
    pub code: String,
    pub display_name: String,
    /// What the person calls this device; the hub names it when absent.
    #[serde(default)]
    pub device_name: Option<String>,
}

/// What a member is in a project.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Resident,
    Organiser,
}

/// Answer to a join or a device link: everything a device needs to sync.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JoinResponse {
    pub project_id: ProjectId,
    pub project_name: String,
    pub member_id: MemberId,
    pub device_id: DeviceId,
    /// The device's secret. The hub keeps only its hash; send it only in `Auth` frames and
    /// `Authorization: Bearer` headers, never in a URL.
    pub token: String,
    pub member_doc: DocId,
    /// The project document: events and public counts. Residents read it; organisers write it.
    pub project_doc: DocId,
    /// The staff document (rosters, check-ins), for organisers only.
    #[serde(default)]
    pub staff_doc: Option<DocId>,
    pub role: Role,
    #[serde(default)]
    pub display_name: String,
}

/// `POST /api/devices/link-code` (authorised) answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkCodeResponse {
    pub code: String,
    /// Milliseconds since the epoch.
    pub expires_at: i64,
}

/// `POST /api/devices/token` (authorised with the device's current token) answer: the
/// device's next token. It works at once; the first sign-in with it makes it the device's
/// token, and the one before works on for a day (other tabs read it before).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NextToken {
    pub token: String,
}

/// `POST /api/members` (authorised by an organiser's device): sets up a resident who has no
/// device of their own. The answer is a [`LinkCodeResponse`] for that resident, redeemed
/// with `POST /api/devices/link` on the device they will use (a shared tablet, say).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetUpMemberRequest {
    pub display_name: String,
}

/// `POST /api/devices/link`
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkRequest {
    pub code: String,
    #[serde(default)]
    pub device_name: Option<String>,
}

/// `POST /api/devices/revoke` (authorised by a device of the same member).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevokeRequest {
    pub device_id: String,
    /// An organiser removing a resident's device: whose it is (absent: the caller's own).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member_id: Option<String>,
}

/// `GET /api/members` (an organiser's device) answer: the project's members, by name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MembersResponse {
    pub members: Vec<MemberInfo>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberInfo {
    pub member_id: MemberId,
    pub display_name: String,
    pub role: Role,
}

/// One of a member's devices, as `GET /api/devices` lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeviceInfo {
    pub device_id: DeviceId,
    /// The name the device was given when it joined or was linked.
    pub name: String,
    /// When the device joined or was linked: milliseconds since the epoch.
    pub created_at: i64,
    /// The device that asked.
    pub this_device: bool,
}

/// `GET /api/devices` (authorised) answer: the caller's member's devices that still work,
/// oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DevicesResponse {
    pub devices: Vec<DeviceInfo>,
}

/// Every API error body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiErrorBody {
    /// A stable snake_case code, e.g. `unknown_code`.
    pub error: String,
    /// Plain words a resident understands.
    pub message: String,
}

/// What becomes of a deleted member's published ideas and comments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Contributions {
    /// Gone with the account.
    Remove,
    /// Kept for the project without the member's name (their supports still count).
    Anonymise,
}

/// `POST /api/account/delete` (authorised by any of the member's devices).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeleteAccountRequest {
    pub contributions: Contributions,
}
