export type Json =
  | string
  | number
  | boolean
  | null
  | { [key: string]: Json | undefined }
  | Json[]

export type Database = {
  public: {
    Tables: {
      account_domains: {
        Row: {
          account_id: string
          change_seq: number
          change_xid: unknown
          created_at: string
          created_by: string
          domain: string
          id: string
          organization_id: string
          updated_at: string
        }
        Insert: {
          account_id: string
          change_seq?: number
          change_xid?: unknown
          created_at?: string
          created_by?: string
          domain: string
          id?: string
          organization_id: string
          updated_at?: string
        }
        Update: {
          account_id?: string
          change_seq?: number
          change_xid?: unknown
          created_at?: string
          created_by?: string
          domain?: string
          id?: string
          organization_id?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "account_domains_organization_id_account_id_fkey"
            columns: ["organization_id", "account_id"]
            isOneToOne: false
            referencedRelation: "accounts"
            referencedColumns: ["organization_id", "id"]
          },
          {
            foreignKeyName: "account_domains_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
        ]
      }
      account_milestones: {
        Row: {
          account_id: string
          change_seq: number
          change_xid: unknown
          created_at: string
          created_by: string
          id: string
          kind: Database["public"]["Enums"]["milestone_kind"]
          organization_id: string
          reached_on: string
          updated_at: string
        }
        Insert: {
          account_id: string
          change_seq?: number
          change_xid?: unknown
          created_at?: string
          created_by?: string
          id?: string
          kind: Database["public"]["Enums"]["milestone_kind"]
          organization_id: string
          reached_on: string
          updated_at?: string
        }
        Update: {
          account_id?: string
          change_seq?: number
          change_xid?: unknown
          created_at?: string
          created_by?: string
          id?: string
          kind?: Database["public"]["Enums"]["milestone_kind"]
          organization_id?: string
          reached_on?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "account_milestones_organization_id_account_id_fkey"
            columns: ["organization_id", "account_id"]
            isOneToOne: false
            referencedRelation: "accounts"
            referencedColumns: ["organization_id", "id"]
          },
          {
            foreignKeyName: "account_milestones_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
        ]
      }
      accounts: {
        Row: {
          arr: number | null
          change_seq: number
          change_xid: unknown
          created_at: string
          created_by: string
          id: string
          name: string
          notes: string | null
          organization_id: string
          owner_id: string | null
          renewal_on: string | null
          updated_at: string
        }
        Insert: {
          arr?: number | null
          change_seq?: number
          change_xid?: unknown
          created_at?: string
          created_by?: string
          id?: string
          name: string
          notes?: string | null
          organization_id: string
          owner_id?: string | null
          renewal_on?: string | null
          updated_at?: string
        }
        Update: {
          arr?: number | null
          change_seq?: number
          change_xid?: unknown
          created_at?: string
          created_by?: string
          id?: string
          name?: string
          notes?: string | null
          organization_id?: string
          owner_id?: string | null
          renewal_on?: string | null
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "accounts_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
        ]
      }
      business_cases: {
        Row: {
          account_id: string
          change_seq: number
          change_xid: unknown
          created_at: string
          created_by: string
          goal_answer: string | null
          goal_still_current: boolean | null
          id: string
          opportunity_id: string
          organization_id: string
          path_answer: string | null
          portable: boolean
          progress_answer: string | null
          source_host: Database["public"]["Enums"]["source_host"] | null
          source_ref: string | null
          source_url: string | null
          stakeholder_ids: string[]
          success_answer: string | null
          updated_at: string
        }
        Insert: {
          account_id: string
          change_seq?: number
          change_xid?: unknown
          created_at?: string
          created_by?: string
          goal_answer?: string | null
          goal_still_current?: boolean | null
          id?: string
          opportunity_id: string
          organization_id: string
          path_answer?: string | null
          portable?: boolean
          progress_answer?: string | null
          source_host?: Database["public"]["Enums"]["source_host"] | null
          source_ref?: string | null
          source_url?: string | null
          stakeholder_ids?: string[]
          success_answer?: string | null
          updated_at?: string
        }
        Update: {
          account_id?: string
          change_seq?: number
          change_xid?: unknown
          created_at?: string
          created_by?: string
          goal_answer?: string | null
          goal_still_current?: boolean | null
          id?: string
          opportunity_id?: string
          organization_id?: string
          path_answer?: string | null
          portable?: boolean
          progress_answer?: string | null
          source_host?: Database["public"]["Enums"]["source_host"] | null
          source_ref?: string | null
          source_url?: string | null
          stakeholder_ids?: string[]
          success_answer?: string | null
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "business_cases_organization_id_account_id_opportunity_id_fkey"
            columns: ["organization_id", "account_id", "opportunity_id"]
            isOneToOne: false
            referencedRelation: "opportunities"
            referencedColumns: ["organization_id", "account_id", "id"]
          },
          {
            foreignKeyName: "business_cases_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
        ]
      }
      close_records: {
        Row: {
          account_id: string
          advocacy_answer: string | null
          advocacy_ask: Database["public"]["Enums"]["advocacy_ask_kind"] | null
          agreement_finalized_on: string | null
          amount: number | null
          change_seq: number
          change_xid: unknown
          close_reasons: string[]
          created_at: string
          created_by: string
          id: string
          next_cycle_goals: string[]
          opportunity_id: string
          organization_id: string
          outcome: Database["public"]["Enums"]["opportunity_status"]
          source_host: Database["public"]["Enums"]["source_host"] | null
          source_ref: string | null
          source_url: string | null
          stakeholder_ids: string[]
          terms_summary: string | null
          updated_at: string
          win_summary_sent_on: string | null
        }
        Insert: {
          account_id: string
          advocacy_answer?: string | null
          advocacy_ask?: Database["public"]["Enums"]["advocacy_ask_kind"] | null
          agreement_finalized_on?: string | null
          amount?: number | null
          change_seq?: number
          change_xid?: unknown
          close_reasons?: string[]
          created_at?: string
          created_by?: string
          id?: string
          next_cycle_goals?: string[]
          opportunity_id: string
          organization_id: string
          outcome: Database["public"]["Enums"]["opportunity_status"]
          source_host?: Database["public"]["Enums"]["source_host"] | null
          source_ref?: string | null
          source_url?: string | null
          stakeholder_ids?: string[]
          terms_summary?: string | null
          updated_at?: string
          win_summary_sent_on?: string | null
        }
        Update: {
          account_id?: string
          advocacy_answer?: string | null
          advocacy_ask?: Database["public"]["Enums"]["advocacy_ask_kind"] | null
          agreement_finalized_on?: string | null
          amount?: number | null
          change_seq?: number
          change_xid?: unknown
          close_reasons?: string[]
          created_at?: string
          created_by?: string
          id?: string
          next_cycle_goals?: string[]
          opportunity_id?: string
          organization_id?: string
          outcome?: Database["public"]["Enums"]["opportunity_status"]
          source_host?: Database["public"]["Enums"]["source_host"] | null
          source_ref?: string | null
          source_url?: string | null
          stakeholder_ids?: string[]
          terms_summary?: string | null
          updated_at?: string
          win_summary_sent_on?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "close_records_organization_id_account_id_opportunity_id_fkey"
            columns: ["organization_id", "account_id", "opportunity_id"]
            isOneToOne: false
            referencedRelation: "opportunities"
            referencedColumns: ["organization_id", "account_id", "id"]
          },
          {
            foreignKeyName: "close_records_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
        ]
      }
      communication_steps: {
        Row: {
          account_id: string
          change_seq: number
          change_xid: unknown
          created_at: string
          created_by: string
          id: string
          opportunity_id: string | null
          organization_id: string
          planned_on: string | null
          purpose: string
          source_host: Database["public"]["Enums"]["source_host"] | null
          source_ref: string | null
          source_url: string | null
          stakeholder_id: string
          stakeholder_ids: string[]
          status: Database["public"]["Enums"]["communication_step_status"]
          updated_at: string
        }
        Insert: {
          account_id: string
          change_seq?: number
          change_xid?: unknown
          created_at?: string
          created_by?: string
          id?: string
          opportunity_id?: string | null
          organization_id: string
          planned_on?: string | null
          purpose: string
          source_host?: Database["public"]["Enums"]["source_host"] | null
          source_ref?: string | null
          source_url?: string | null
          stakeholder_id: string
          stakeholder_ids?: string[]
          status?: Database["public"]["Enums"]["communication_step_status"]
          updated_at?: string
        }
        Update: {
          account_id?: string
          change_seq?: number
          change_xid?: unknown
          created_at?: string
          created_by?: string
          id?: string
          opportunity_id?: string | null
          organization_id?: string
          planned_on?: string | null
          purpose?: string
          source_host?: Database["public"]["Enums"]["source_host"] | null
          source_ref?: string | null
          source_url?: string | null
          stakeholder_id?: string
          stakeholder_ids?: string[]
          status?: Database["public"]["Enums"]["communication_step_status"]
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "communication_steps_organization_id_account_id_opportunity_fkey"
            columns: ["organization_id", "account_id", "opportunity_id"]
            isOneToOne: false
            referencedRelation: "opportunities"
            referencedColumns: ["organization_id", "account_id", "id"]
          },
          {
            foreignKeyName: "communication_steps_organization_id_account_id_stakeholder_fkey"
            columns: ["organization_id", "account_id", "stakeholder_id"]
            isOneToOne: false
            referencedRelation: "stakeholders"
            referencedColumns: ["organization_id", "account_id", "id"]
          },
          {
            foreignKeyName: "communication_steps_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
        ]
      }
      deleted_records: {
        Row: {
          change_seq: number
          change_xid: unknown
          created_at: string
          created_by: string
          id: string
          organization_id: string
          record_id: string
          table_name: string
          updated_at: string
        }
        Insert: {
          change_seq?: number
          change_xid?: unknown
          created_at?: string
          created_by?: string
          id?: string
          organization_id: string
          record_id: string
          table_name: string
          updated_at?: string
        }
        Update: {
          change_seq?: number
          change_xid?: unknown
          created_at?: string
          created_by?: string
          id?: string
          organization_id?: string
          record_id?: string
          table_name?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "deleted_records_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
        ]
      }
      forecast_snapshot_lines: {
        Row: {
          account_id: string
          amount: number | null
          change_seq: number
          change_xid: unknown
          created_at: string
          created_by: string | null
          declared_stage: Database["public"]["Enums"]["pipeline_stage"]
          due_in_week: boolean
          facts: NonNullable<Json>
          id: string
          opportunity_id: string
          organization_id: string
          snapshot_id: string
          stage_entered_at: string
          target_date: string | null
          title: string
          type: Database["public"]["Enums"]["opportunity_type"]
          updated_at: string
          week_start: string
        }
        Insert: {
          account_id: string
          amount?: number | null
          change_seq?: number
          change_xid?: unknown
          created_at?: string
          created_by?: string | null
          declared_stage: Database["public"]["Enums"]["pipeline_stage"]
          due_in_week: boolean
          facts: NonNullable<Json>
          id?: string
          opportunity_id: string
          organization_id: string
          snapshot_id: string
          stage_entered_at: string
          target_date?: string | null
          title: string
          type: Database["public"]["Enums"]["opportunity_type"]
          updated_at?: string
          week_start: string
        }
        Update: {
          account_id?: string
          amount?: number | null
          change_seq?: number
          change_xid?: unknown
          created_at?: string
          created_by?: string | null
          declared_stage?: Database["public"]["Enums"]["pipeline_stage"]
          due_in_week?: boolean
          facts?: NonNullable<Json>
          id?: string
          opportunity_id?: string
          organization_id?: string
          snapshot_id?: string
          stage_entered_at?: string
          target_date?: string | null
          title?: string
          type?: Database["public"]["Enums"]["opportunity_type"]
          updated_at?: string
          week_start?: string
        }
        Relationships: [
          {
            foreignKeyName: "forecast_snapshot_lines_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "forecast_snapshot_lines_organization_id_snapshot_id_fkey"
            columns: ["organization_id", "snapshot_id"]
            isOneToOne: false
            referencedRelation: "forecast_snapshots"
            referencedColumns: ["organization_id", "id"]
          },
        ]
      }
      forecast_snapshots: {
        Row: {
          change_seq: number
          change_xid: unknown
          created_at: string
          created_by: string | null
          id: string
          line_count: number
          open_amount: number
          organization_id: string
          taken_at: string
          updated_at: string
          week_start: string
        }
        Insert: {
          change_seq?: number
          change_xid?: unknown
          created_at?: string
          created_by?: string | null
          id?: string
          line_count?: number
          open_amount?: number
          organization_id: string
          taken_at?: string
          updated_at?: string
          week_start: string
        }
        Update: {
          change_seq?: number
          change_xid?: unknown
          created_at?: string
          created_by?: string | null
          id?: string
          line_count?: number
          open_amount?: number
          organization_id?: string
          taken_at?: string
          updated_at?: string
          week_start?: string
        }
        Relationships: [
          {
            foreignKeyName: "forecast_snapshots_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
        ]
      }
      goals: {
        Row: {
          account_id: string
          change_seq: number
          change_xid: unknown
          confirmed_current_on: string | null
          created_at: string
          created_by: string
          id: string
          organization_id: string
          source_host: Database["public"]["Enums"]["source_host"] | null
          source_ref: string | null
          source_url: string | null
          stakeholder_ids: string[]
          statement: string
          updated_at: string
        }
        Insert: {
          account_id: string
          change_seq?: number
          change_xid?: unknown
          confirmed_current_on?: string | null
          created_at?: string
          created_by?: string
          id?: string
          organization_id: string
          source_host?: Database["public"]["Enums"]["source_host"] | null
          source_ref?: string | null
          source_url?: string | null
          stakeholder_ids?: string[]
          statement: string
          updated_at?: string
        }
        Update: {
          account_id?: string
          change_seq?: number
          change_xid?: unknown
          confirmed_current_on?: string | null
          created_at?: string
          created_by?: string
          id?: string
          organization_id?: string
          source_host?: Database["public"]["Enums"]["source_host"] | null
          source_ref?: string | null
          source_url?: string | null
          stakeholder_ids?: string[]
          statement?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "goals_organization_id_account_id_fkey"
            columns: ["organization_id", "account_id"]
            isOneToOne: false
            referencedRelation: "accounts"
            referencedColumns: ["organization_id", "id"]
          },
          {
            foreignKeyName: "goals_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
        ]
      }
      insights: {
        Row: {
          account_id: string
          change_seq: number
          change_xid: unknown
          created_at: string
          created_by: string
          id: string
          kind: Database["public"]["Enums"]["insight_kind"]
          opportunity_id: string | null
          organization_id: string
          proof: string | null
          shared_on: string | null
          source_host: Database["public"]["Enums"]["source_host"] | null
          source_ref: string | null
          source_url: string | null
          stakeholder_ids: string[]
          summary: string
          travels_unedited: boolean
          updated_at: string
        }
        Insert: {
          account_id: string
          change_seq?: number
          change_xid?: unknown
          created_at?: string
          created_by?: string
          id?: string
          kind: Database["public"]["Enums"]["insight_kind"]
          opportunity_id?: string | null
          organization_id: string
          proof?: string | null
          shared_on?: string | null
          source_host?: Database["public"]["Enums"]["source_host"] | null
          source_ref?: string | null
          source_url?: string | null
          stakeholder_ids?: string[]
          summary: string
          travels_unedited?: boolean
          updated_at?: string
        }
        Update: {
          account_id?: string
          change_seq?: number
          change_xid?: unknown
          created_at?: string
          created_by?: string
          id?: string
          kind?: Database["public"]["Enums"]["insight_kind"]
          opportunity_id?: string | null
          organization_id?: string
          proof?: string | null
          shared_on?: string | null
          source_host?: Database["public"]["Enums"]["source_host"] | null
          source_ref?: string | null
          source_url?: string | null
          stakeholder_ids?: string[]
          summary?: string
          travels_unedited?: boolean
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "insights_organization_id_account_id_fkey"
            columns: ["organization_id", "account_id"]
            isOneToOne: false
            referencedRelation: "accounts"
            referencedColumns: ["organization_id", "id"]
          },
          {
            foreignKeyName: "insights_organization_id_account_id_opportunity_id_fkey"
            columns: ["organization_id", "account_id", "opportunity_id"]
            isOneToOne: false
            referencedRelation: "opportunities"
            referencedColumns: ["organization_id", "account_id", "id"]
          },
          {
            foreignKeyName: "insights_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
        ]
      }
      intent_signals: {
        Row: {
          account_id: string
          change_seq: number
          change_xid: unknown
          created_at: string
          created_by: string
          has_next_steps_with_owners: boolean
          id: string
          kind: Database["public"]["Enums"]["intent_signal_kind"]
          next_steps: string | null
          occurred_on: string
          opportunity_id: string
          organization_id: string
          source_host: Database["public"]["Enums"]["source_host"] | null
          source_ref: string | null
          source_url: string | null
          stakeholder_ids: string[]
          summary: string | null
          updated_at: string
        }
        Insert: {
          account_id: string
          change_seq?: number
          change_xid?: unknown
          created_at?: string
          created_by?: string
          has_next_steps_with_owners?: boolean
          id?: string
          kind: Database["public"]["Enums"]["intent_signal_kind"]
          next_steps?: string | null
          occurred_on: string
          opportunity_id: string
          organization_id: string
          source_host?: Database["public"]["Enums"]["source_host"] | null
          source_ref?: string | null
          source_url?: string | null
          stakeholder_ids?: string[]
          summary?: string | null
          updated_at?: string
        }
        Update: {
          account_id?: string
          change_seq?: number
          change_xid?: unknown
          created_at?: string
          created_by?: string
          has_next_steps_with_owners?: boolean
          id?: string
          kind?: Database["public"]["Enums"]["intent_signal_kind"]
          next_steps?: string | null
          occurred_on?: string
          opportunity_id?: string
          organization_id?: string
          source_host?: Database["public"]["Enums"]["source_host"] | null
          source_ref?: string | null
          source_url?: string | null
          stakeholder_ids?: string[]
          summary?: string | null
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "intent_signals_organization_id_account_id_opportunity_id_fkey"
            columns: ["organization_id", "account_id", "opportunity_id"]
            isOneToOne: false
            referencedRelation: "opportunities"
            referencedColumns: ["organization_id", "account_id", "id"]
          },
          {
            foreignKeyName: "intent_signals_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
        ]
      }
      invitations: {
        Row: {
          accepted_at: string | null
          accepted_by: string | null
          change_seq: number
          change_xid: unknown
          created_at: string
          created_by: string
          email: string
          id: string
          organization_id: string
          role: Database["public"]["Enums"]["member_role"]
          updated_at: string
        }
        Insert: {
          accepted_at?: string | null
          accepted_by?: string | null
          change_seq?: number
          change_xid?: unknown
          created_at?: string
          created_by?: string
          email: string
          id?: string
          organization_id: string
          role?: Database["public"]["Enums"]["member_role"]
          updated_at?: string
        }
        Update: {
          accepted_at?: string | null
          accepted_by?: string | null
          change_seq?: number
          change_xid?: unknown
          created_at?: string
          created_by?: string
          email?: string
          id?: string
          organization_id?: string
          role?: Database["public"]["Enums"]["member_role"]
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "invitations_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
        ]
      }
      meetings: {
        Row: {
          account_id: string
          change_seq: number
          change_xid: unknown
          created_at: string
          created_by: string
          held_on: string
          id: string
          kind: Database["public"]["Enums"]["meeting_kind"]
          opportunity_id: string | null
          organization_id: string
          source_host: Database["public"]["Enums"]["source_host"] | null
          source_ref: string | null
          source_url: string | null
          stakeholder_ids: string[]
          summary: string | null
          updated_at: string
        }
        Insert: {
          account_id: string
          change_seq?: number
          change_xid?: unknown
          created_at?: string
          created_by?: string
          held_on: string
          id?: string
          kind: Database["public"]["Enums"]["meeting_kind"]
          opportunity_id?: string | null
          organization_id: string
          source_host?: Database["public"]["Enums"]["source_host"] | null
          source_ref?: string | null
          source_url?: string | null
          stakeholder_ids?: string[]
          summary?: string | null
          updated_at?: string
        }
        Update: {
          account_id?: string
          change_seq?: number
          change_xid?: unknown
          created_at?: string
          created_by?: string
          held_on?: string
          id?: string
          kind?: Database["public"]["Enums"]["meeting_kind"]
          opportunity_id?: string | null
          organization_id?: string
          source_host?: Database["public"]["Enums"]["source_host"] | null
          source_ref?: string | null
          source_url?: string | null
          stakeholder_ids?: string[]
          summary?: string | null
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "meetings_organization_id_account_id_fkey"
            columns: ["organization_id", "account_id"]
            isOneToOne: false
            referencedRelation: "accounts"
            referencedColumns: ["organization_id", "id"]
          },
          {
            foreignKeyName: "meetings_organization_id_account_id_opportunity_id_fkey"
            columns: ["organization_id", "account_id", "opportunity_id"]
            isOneToOne: false
            referencedRelation: "opportunities"
            referencedColumns: ["organization_id", "account_id", "id"]
          },
          {
            foreignKeyName: "meetings_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
        ]
      }
      members: {
        Row: {
          change_seq: number
          change_xid: unknown
          created_at: string
          created_by: string
          display_name: string | null
          email: string | null
          id: string
          organization_id: string
          role: Database["public"]["Enums"]["member_role"]
          updated_at: string
          user_id: string
        }
        Insert: {
          change_seq?: number
          change_xid?: unknown
          created_at?: string
          created_by?: string
          display_name?: string | null
          email?: string | null
          id?: string
          organization_id: string
          role: Database["public"]["Enums"]["member_role"]
          updated_at?: string
          user_id: string
        }
        Update: {
          change_seq?: number
          change_xid?: unknown
          created_at?: string
          created_by?: string
          display_name?: string | null
          email?: string | null
          id?: string
          organization_id?: string
          role?: Database["public"]["Enums"]["member_role"]
          updated_at?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "members_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
        ]
      }
      opportunities: {
        Row: {
          account_id: string
          amount: number | null
          change_seq: number
          change_xid: unknown
          created_at: string
          created_by: string
          declared_stage: Database["public"]["Enums"]["pipeline_stage"]
          id: string
          notes: string | null
          organization_id: string
          source: Database["public"]["Enums"]["opportunity_source"] | null
          stage_entered_at: string
          status: Database["public"]["Enums"]["opportunity_status"]
          target_date: string | null
          target_date_confirmed_on: string | null
          title: string
          type: Database["public"]["Enums"]["opportunity_type"]
          updated_at: string
        }
        Insert: {
          account_id: string
          amount?: number | null
          change_seq?: number
          change_xid?: unknown
          created_at?: string
          created_by?: string
          declared_stage?: Database["public"]["Enums"]["pipeline_stage"]
          id?: string
          notes?: string | null
          organization_id: string
          source?: Database["public"]["Enums"]["opportunity_source"] | null
          stage_entered_at?: string
          status?: Database["public"]["Enums"]["opportunity_status"]
          target_date?: string | null
          target_date_confirmed_on?: string | null
          title: string
          type: Database["public"]["Enums"]["opportunity_type"]
          updated_at?: string
        }
        Update: {
          account_id?: string
          amount?: number | null
          change_seq?: number
          change_xid?: unknown
          created_at?: string
          created_by?: string
          declared_stage?: Database["public"]["Enums"]["pipeline_stage"]
          id?: string
          notes?: string | null
          organization_id?: string
          source?: Database["public"]["Enums"]["opportunity_source"] | null
          stage_entered_at?: string
          status?: Database["public"]["Enums"]["opportunity_status"]
          target_date?: string | null
          target_date_confirmed_on?: string | null
          title?: string
          type?: Database["public"]["Enums"]["opportunity_type"]
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "opportunities_organization_id_account_id_fkey"
            columns: ["organization_id", "account_id"]
            isOneToOne: false
            referencedRelation: "accounts"
            referencedColumns: ["organization_id", "id"]
          },
          {
            foreignKeyName: "opportunities_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
        ]
      }
      opportunity_stage_changes: {
        Row: {
          account_id: string
          change_seq: number
          change_xid: unknown
          changed_at: string
          created_at: string
          created_by: string
          id: string
          opportunity_id: string
          organization_id: string
          stage: Database["public"]["Enums"]["pipeline_stage"]
          status: Database["public"]["Enums"]["opportunity_status"]
          updated_at: string
        }
        Insert: {
          account_id: string
          change_seq?: number
          change_xid?: unknown
          changed_at?: string
          created_at?: string
          created_by?: string
          id?: string
          opportunity_id: string
          organization_id: string
          stage: Database["public"]["Enums"]["pipeline_stage"]
          status: Database["public"]["Enums"]["opportunity_status"]
          updated_at?: string
        }
        Update: {
          account_id?: string
          change_seq?: number
          change_xid?: unknown
          changed_at?: string
          created_at?: string
          created_by?: string
          id?: string
          opportunity_id?: string
          organization_id?: string
          stage?: Database["public"]["Enums"]["pipeline_stage"]
          status?: Database["public"]["Enums"]["opportunity_status"]
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "opportunity_stage_changes_organization_id_account_id_oppor_fkey"
            columns: ["organization_id", "account_id", "opportunity_id"]
            isOneToOne: false
            referencedRelation: "opportunities"
            referencedColumns: ["organization_id", "account_id", "id"]
          },
          {
            foreignKeyName: "opportunity_stage_changes_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
        ]
      }
      organization_domains: {
        Row: {
          change_seq: number
          change_xid: unknown
          created_at: string
          created_by: string
          domain: string
          id: string
          organization_id: string
          updated_at: string
        }
        Insert: {
          change_seq?: number
          change_xid?: unknown
          created_at?: string
          created_by?: string
          domain: string
          id?: string
          organization_id: string
          updated_at?: string
        }
        Update: {
          change_seq?: number
          change_xid?: unknown
          created_at?: string
          created_by?: string
          domain?: string
          id?: string
          organization_id?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "organization_domains_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
        ]
      }
      organizations: {
        Row: {
          change_seq: number
          change_xid: unknown
          created_at: string
          created_by: string
          goal_current_days: number
          id: string
          insight_shared_days: number
          name: string
          organization_id: string | null
          stall_threshold_days: number
          updated_at: string
        }
        Insert: {
          change_seq?: number
          change_xid?: unknown
          created_at?: string
          created_by?: string
          goal_current_days?: number
          id?: string
          insight_shared_days?: number
          name: string
          organization_id?: never
          stall_threshold_days?: number
          updated_at?: string
        }
        Update: {
          change_seq?: number
          change_xid?: unknown
          created_at?: string
          created_by?: string
          goal_current_days?: number
          id?: string
          insight_shared_days?: number
          name?: string
          organization_id?: never
          stall_threshold_days?: number
          updated_at?: string
        }
        Relationships: []
      }
      outcomes: {
        Row: {
          account_id: string
          change_seq: number
          change_xid: unknown
          created_at: string
          created_by: string
          goal_id: string
          id: string
          organization_id: string
          remaining: string | null
          source_host: Database["public"]["Enums"]["source_host"] | null
          source_ref: string | null
          source_url: string | null
          stakeholder_ids: string[]
          summary: string
          updated_at: string
        }
        Insert: {
          account_id: string
          change_seq?: number
          change_xid?: unknown
          created_at?: string
          created_by?: string
          goal_id: string
          id?: string
          organization_id: string
          remaining?: string | null
          source_host?: Database["public"]["Enums"]["source_host"] | null
          source_ref?: string | null
          source_url?: string | null
          stakeholder_ids?: string[]
          summary: string
          updated_at?: string
        }
        Update: {
          account_id?: string
          change_seq?: number
          change_xid?: unknown
          created_at?: string
          created_by?: string
          goal_id?: string
          id?: string
          organization_id?: string
          remaining?: string | null
          source_host?: Database["public"]["Enums"]["source_host"] | null
          source_ref?: string | null
          source_url?: string | null
          stakeholder_ids?: string[]
          summary?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "outcomes_organization_id_account_id_goal_id_fkey"
            columns: ["organization_id", "account_id", "goal_id"]
            isOneToOne: false
            referencedRelation: "goals"
            referencedColumns: ["organization_id", "account_id", "id"]
          },
          {
            foreignKeyName: "outcomes_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
        ]
      }
      stakeholders: {
        Row: {
          account_id: string
          belief_needed: string | null
          change_seq: number
          change_xid: unknown
          created_at: string
          created_by: string
          email: string | null
          id: string
          influence: Database["public"]["Enums"]["influence_level"] | null
          name: string
          notes: string | null
          organization_id: string
          position: Database["public"]["Enums"]["stakeholder_position"]
          roles: Database["public"]["Enums"]["stakeholder_role"][]
          title: string | null
          updated_at: string
        }
        Insert: {
          account_id: string
          belief_needed?: string | null
          change_seq?: number
          change_xid?: unknown
          created_at?: string
          created_by?: string
          email?: string | null
          id?: string
          influence?: Database["public"]["Enums"]["influence_level"] | null
          name: string
          notes?: string | null
          organization_id: string
          position?: Database["public"]["Enums"]["stakeholder_position"]
          roles?: Database["public"]["Enums"]["stakeholder_role"][]
          title?: string | null
          updated_at?: string
        }
        Update: {
          account_id?: string
          belief_needed?: string | null
          change_seq?: number
          change_xid?: unknown
          created_at?: string
          created_by?: string
          email?: string | null
          id?: string
          influence?: Database["public"]["Enums"]["influence_level"] | null
          name?: string
          notes?: string | null
          organization_id?: string
          position?: Database["public"]["Enums"]["stakeholder_position"]
          roles?: Database["public"]["Enums"]["stakeholder_role"][]
          title?: string | null
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "stakeholders_organization_id_account_id_fkey"
            columns: ["organization_id", "account_id"]
            isOneToOne: false
            referencedRelation: "accounts"
            referencedColumns: ["organization_id", "id"]
          },
          {
            foreignKeyName: "stakeholders_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
        ]
      }
      use_cases: {
        Row: {
          account_id: string
          change_seq: number
          change_xid: unknown
          created_at: string
          created_by: string
          description: string | null
          id: string
          name: string
          organization_id: string
          source_host: Database["public"]["Enums"]["source_host"] | null
          source_ref: string | null
          source_url: string | null
          stakeholder_ids: string[]
          status: Database["public"]["Enums"]["use_case_status"]
          updated_at: string
        }
        Insert: {
          account_id: string
          change_seq?: number
          change_xid?: unknown
          created_at?: string
          created_by?: string
          description?: string | null
          id?: string
          name: string
          organization_id: string
          source_host?: Database["public"]["Enums"]["source_host"] | null
          source_ref?: string | null
          source_url?: string | null
          stakeholder_ids?: string[]
          status: Database["public"]["Enums"]["use_case_status"]
          updated_at?: string
        }
        Update: {
          account_id?: string
          change_seq?: number
          change_xid?: unknown
          created_at?: string
          created_by?: string
          description?: string | null
          id?: string
          name?: string
          organization_id?: string
          source_host?: Database["public"]["Enums"]["source_host"] | null
          source_ref?: string | null
          source_url?: string | null
          stakeholder_ids?: string[]
          status?: Database["public"]["Enums"]["use_case_status"]
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "use_cases_organization_id_account_id_fkey"
            columns: ["organization_id", "account_id"]
            isOneToOne: false
            referencedRelation: "accounts"
            referencedColumns: ["organization_id", "id"]
          },
          {
            foreignKeyName: "use_cases_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
        ]
      }
    }
    Views: {
      account_facts: {
        Row: {
          account_id: string | null
          facts: Json | null
          organization_id: string | null
        }
        Insert: {
          account_id?: string | null
          facts?: never
          organization_id?: string | null
        }
        Update: {
          account_id?: string | null
          facts?: never
          organization_id?: string | null
        }
        Relationships: []
      }
      dashboard_account_facts: {
        Row: {
          account_id: string | null
          facts: Json | null
          organization_id: string | null
        }
        Insert: {
          account_id?: string | null
          facts?: Json | null
          organization_id?: string | null
        }
        Update: {
          account_id?: string | null
          facts?: Json | null
          organization_id?: string | null
        }
        Relationships: []
      }
      opportunity_facts: {
        Row: {
          account_id: string | null
          facts: Json | null
          opportunity_id: string | null
          organization_id: string | null
          stage_entered_at: string | null
        }
        Insert: {
          account_id?: string | null
          facts?: Json | null
          opportunity_id?: string | null
          organization_id?: string | null
          stage_entered_at?: string | null
        }
        Update: {
          account_id?: string | null
          facts?: Json | null
          opportunity_id?: string | null
          organization_id?: string | null
          stage_entered_at?: string | null
        }
        Relationships: []
      }
    }
    Functions: {
      account_detail: { Args: { account_id: string }; Returns: Json }
      create_organization: {
        Args: { payload: Json }
        Returns: {
          change_seq: number
          change_xid: unknown
          created_at: string
          created_by: string
          goal_current_days: number
          id: string
          insight_shared_days: number
          name: string
          organization_id: string | null
          stall_threshold_days: number
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "organizations"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      delete_record: { Args: { payload: Json }; Returns: boolean }
      invite_member: {
        Args: { payload: Json }
        Returns: {
          accepted_at: string | null
          accepted_by: string | null
          change_seq: number
          change_xid: unknown
          created_at: string
          created_by: string
          email: string
          id: string
          organization_id: string
          role: Database["public"]["Enums"]["member_role"]
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "invitations"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      join_invited_organizations: {
        Args: Record<PropertyKey, never>
        Returns: {
          change_seq: number
          change_xid: unknown
          created_at: string
          created_by: string
          display_name: string | null
          email: string | null
          id: string
          organization_id: string
          role: Database["public"]["Enums"]["member_role"]
          updated_at: string
          user_id: string
        }[]
        SetofOptions: {
          from: "*"
          to: "members"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      pull_changes: {
        Args: { organization_id: string; page_size?: number; since?: string }
        Returns: {
          cursor: string
          deleted: boolean
          record: Json
          record_id: string
          table_name: string
        }[]
      }
      pull_snapshot: {
        Args: {
          first_bucket: number
          last_bucket: number
          organization_id: string
        }
        Returns: Json
      }
      remove_member: { Args: { payload: Json }; Returns: boolean }
      save_account: {
        Args: { payload: Json }
        Returns: {
          arr: number | null
          change_seq: number
          change_xid: unknown
          created_at: string
          created_by: string
          id: string
          name: string
          notes: string | null
          organization_id: string
          owner_id: string | null
          renewal_on: string | null
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "accounts"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      save_account_milestone: {
        Args: { payload: Json }
        Returns: {
          account_id: string
          change_seq: number
          change_xid: unknown
          created_at: string
          created_by: string
          id: string
          kind: Database["public"]["Enums"]["milestone_kind"]
          organization_id: string
          reached_on: string
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "account_milestones"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      save_business_case: {
        Args: { payload: Json }
        Returns: {
          account_id: string
          change_seq: number
          change_xid: unknown
          created_at: string
          created_by: string
          goal_answer: string | null
          goal_still_current: boolean | null
          id: string
          opportunity_id: string
          organization_id: string
          path_answer: string | null
          portable: boolean
          progress_answer: string | null
          source_host: Database["public"]["Enums"]["source_host"] | null
          source_ref: string | null
          source_url: string | null
          stakeholder_ids: string[]
          success_answer: string | null
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "business_cases"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      save_close_record: {
        Args: { payload: Json }
        Returns: {
          account_id: string
          advocacy_answer: string | null
          advocacy_ask: Database["public"]["Enums"]["advocacy_ask_kind"] | null
          agreement_finalized_on: string | null
          amount: number | null
          change_seq: number
          change_xid: unknown
          close_reasons: string[]
          created_at: string
          created_by: string
          id: string
          next_cycle_goals: string[]
          opportunity_id: string
          organization_id: string
          outcome: Database["public"]["Enums"]["opportunity_status"]
          source_host: Database["public"]["Enums"]["source_host"] | null
          source_ref: string | null
          source_url: string | null
          stakeholder_ids: string[]
          terms_summary: string | null
          updated_at: string
          win_summary_sent_on: string | null
        }
        SetofOptions: {
          from: "*"
          to: "close_records"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      save_communication_step: {
        Args: { payload: Json }
        Returns: {
          account_id: string
          change_seq: number
          change_xid: unknown
          created_at: string
          created_by: string
          id: string
          opportunity_id: string | null
          organization_id: string
          planned_on: string | null
          purpose: string
          source_host: Database["public"]["Enums"]["source_host"] | null
          source_ref: string | null
          source_url: string | null
          stakeholder_id: string
          stakeholder_ids: string[]
          status: Database["public"]["Enums"]["communication_step_status"]
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "communication_steps"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      save_goal: {
        Args: { payload: Json }
        Returns: {
          account_id: string
          change_seq: number
          change_xid: unknown
          confirmed_current_on: string | null
          created_at: string
          created_by: string
          id: string
          organization_id: string
          source_host: Database["public"]["Enums"]["source_host"] | null
          source_ref: string | null
          source_url: string | null
          stakeholder_ids: string[]
          statement: string
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "goals"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      save_insight: {
        Args: { payload: Json }
        Returns: {
          account_id: string
          change_seq: number
          change_xid: unknown
          created_at: string
          created_by: string
          id: string
          kind: Database["public"]["Enums"]["insight_kind"]
          opportunity_id: string | null
          organization_id: string
          proof: string | null
          shared_on: string | null
          source_host: Database["public"]["Enums"]["source_host"] | null
          source_ref: string | null
          source_url: string | null
          stakeholder_ids: string[]
          summary: string
          travels_unedited: boolean
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "insights"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      save_intent_signal: {
        Args: { payload: Json }
        Returns: {
          account_id: string
          change_seq: number
          change_xid: unknown
          created_at: string
          created_by: string
          has_next_steps_with_owners: boolean
          id: string
          kind: Database["public"]["Enums"]["intent_signal_kind"]
          next_steps: string | null
          occurred_on: string
          opportunity_id: string
          organization_id: string
          source_host: Database["public"]["Enums"]["source_host"] | null
          source_ref: string | null
          source_url: string | null
          stakeholder_ids: string[]
          summary: string | null
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "intent_signals"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      save_meeting: {
        Args: { payload: Json }
        Returns: {
          account_id: string
          change_seq: number
          change_xid: unknown
          created_at: string
          created_by: string
          held_on: string
          id: string
          kind: Database["public"]["Enums"]["meeting_kind"]
          opportunity_id: string | null
          organization_id: string
          source_host: Database["public"]["Enums"]["source_host"] | null
          source_ref: string | null
          source_url: string | null
          stakeholder_ids: string[]
          summary: string | null
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "meetings"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      save_opportunity: {
        Args: { payload: Json }
        Returns: {
          account_id: string
          amount: number | null
          change_seq: number
          change_xid: unknown
          created_at: string
          created_by: string
          declared_stage: Database["public"]["Enums"]["pipeline_stage"]
          id: string
          notes: string | null
          organization_id: string
          source: Database["public"]["Enums"]["opportunity_source"] | null
          stage_entered_at: string
          status: Database["public"]["Enums"]["opportunity_status"]
          target_date: string | null
          target_date_confirmed_on: string | null
          title: string
          type: Database["public"]["Enums"]["opportunity_type"]
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "opportunities"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      save_outcome: {
        Args: { payload: Json }
        Returns: {
          account_id: string
          change_seq: number
          change_xid: unknown
          created_at: string
          created_by: string
          goal_id: string
          id: string
          organization_id: string
          remaining: string | null
          source_host: Database["public"]["Enums"]["source_host"] | null
          source_ref: string | null
          source_url: string | null
          stakeholder_ids: string[]
          summary: string
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "outcomes"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      save_stakeholder: {
        Args: { payload: Json }
        Returns: {
          account_id: string
          belief_needed: string | null
          change_seq: number
          change_xid: unknown
          created_at: string
          created_by: string
          email: string | null
          id: string
          influence: Database["public"]["Enums"]["influence_level"] | null
          name: string
          notes: string | null
          organization_id: string
          position: Database["public"]["Enums"]["stakeholder_position"]
          roles: Database["public"]["Enums"]["stakeholder_role"][]
          title: string | null
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "stakeholders"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      save_use_case: {
        Args: { payload: Json }
        Returns: {
          account_id: string
          change_seq: number
          change_xid: unknown
          created_at: string
          created_by: string
          description: string | null
          id: string
          name: string
          organization_id: string
          source_host: Database["public"]["Enums"]["source_host"] | null
          source_ref: string | null
          source_url: string | null
          stakeholder_ids: string[]
          status: Database["public"]["Enums"]["use_case_status"]
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "use_cases"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      set_member_role: {
        Args: { payload: Json }
        Returns: {
          change_seq: number
          change_xid: unknown
          created_at: string
          created_by: string
          display_name: string | null
          email: string | null
          id: string
          organization_id: string
          role: Database["public"]["Enums"]["member_role"]
          updated_at: string
          user_id: string
        }
        SetofOptions: {
          from: "*"
          to: "members"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      set_organization_domains: {
        Args: { payload: Json }
        Returns: {
          change_seq: number
          change_xid: unknown
          created_at: string
          created_by: string
          domain: string
          id: string
          organization_id: string
          updated_at: string
        }[]
        SetofOptions: {
          from: "*"
          to: "organization_domains"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      take_forecast_snapshot: {
        Args: { organization_id: string }
        Returns: {
          change_seq: number
          change_xid: unknown
          created_at: string
          created_by: string | null
          id: string
          line_count: number
          open_amount: number
          organization_id: string
          taken_at: string
          updated_at: string
          week_start: string
        }
        SetofOptions: {
          from: "*"
          to: "forecast_snapshots"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      update_organization_settings: {
        Args: { payload: Json }
        Returns: {
          change_seq: number
          change_xid: unknown
          created_at: string
          created_by: string
          goal_current_days: number
          id: string
          insight_shared_days: number
          name: string
          organization_id: string | null
          stall_threshold_days: number
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "organizations"
          isOneToOne: true
          isSetofReturn: false
        }
      }
    }
    Enums: {
      advocacy_ask_kind:
        | "quote"
        | "reference"
        | "case_study"
        | "review"
        | "referral"
        | "intro_to_team"
        | "internal_story"
      close_outcome: "won" | "lost"
      communication_step_status: "planned" | "done" | "cancelled"
      influence_level: "high" | "medium" | "low"
      insight_kind:
        | "adoption_progress"
        | "operational_improvement"
        | "business_outcome"
        | "risk_reduced"
        | "new_opportunity"
      intent_signal_kind:
        | "decision_timing_known"
        | "budget_owner_identified"
        | "approval_path_mapped"
        | "timeline_confirmed"
        | "verbal_commitment"
        | "procurement_engaged"
        | "legal_review"
        | "security_review"
        | "exec_conversation_scheduled"
        | "commercial_partner_engaged"
        | "renewal_planning_discussed"
        | "stakeholder_introduced_procurement"
        | "budget_reallocated"
        | "risk_raised"
        | "other"
      meeting_kind: "alignment_meeting" | "executive_conversation"
      member_role: "csm" | "manager" | "admin"
      milestone_kind:
        | "purchase_welcome"
        | "kickoff"
        | "onboarding_complete"
        | "first_value"
        | "value_block"
        | "insight_shared"
        | "alignment_meeting"
        | "renew_grow"
      opportunity_source:
        | "reason_for_purchase"
        | "onboarding_gap"
        | "constraint"
        | "future_need"
      opportunity_status: "open" | "won" | "lost"
      opportunity_type:
        | "renewal"
        | "expansion"
        | "upsell"
        | "cross_sell"
        | "new_team"
        | "new_use_case"
      pipeline_stage:
        | "identify"
        | "align"
        | "advocate"
        | "intent"
        | "net_revenue_close"
      source_host: "gmail" | "outlook" | "google-calendar"
      stakeholder_position:
        | "sponsor"
        | "supporter"
        | "needs_education"
        | "detractor"
        | "unknown"
      stakeholder_role:
        | "executive_sponsor"
        | "budget_owner"
        | "approver"
        | "influencer"
        | "steering_committee"
        | "champion_user"
        | "end_user"
        | "procurement"
        | "legal"
        | "security"
        | "finance"
      use_case_status: "active" | "discussed_not_active" | "adjacent_team"
    }
    CompositeTypes: {
      [_ in never]: never
    }
  }
}

type DatabaseWithoutInternals = Omit<Database, "__InternalSupabase">

type DefaultSchema = DatabaseWithoutInternals[Extract<keyof Database, "public">]

export type Tables<
  DefaultSchemaTableNameOrOptions extends
    | keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
        DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
      DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])[TableName] extends {
      Row: infer R
    }
    ? R
    : never
  : DefaultSchemaTableNameOrOptions extends keyof (DefaultSchema["Tables"] &
        DefaultSchema["Views"])
    ? (DefaultSchema["Tables"] &
        DefaultSchema["Views"])[DefaultSchemaTableNameOrOptions] extends {
        Row: infer R
      }
      ? R
      : never
    : never

export type TablesInsert<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Insert: infer I
    }
    ? I
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Insert: infer I
      }
      ? I
      : never
    : never

export type TablesUpdate<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Update: infer U
    }
    ? U
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Update: infer U
      }
      ? U
      : never
    : never

export type Enums<
  DefaultSchemaEnumNameOrOptions extends
    | keyof DefaultSchema["Enums"]
    | { schema: keyof DatabaseWithoutInternals },
  EnumName extends (DefaultSchemaEnumNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"]
    : never) = never,
> = DefaultSchemaEnumNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"][EnumName]
  : DefaultSchemaEnumNameOrOptions extends keyof DefaultSchema["Enums"]
    ? DefaultSchema["Enums"][DefaultSchemaEnumNameOrOptions]
    : never

export type CompositeTypes<
  PublicCompositeTypeNameOrOptions extends
    | keyof DefaultSchema["CompositeTypes"]
    | { schema: keyof DatabaseWithoutInternals },
  CompositeTypeName extends (PublicCompositeTypeNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"]
    : never) = never,
> = PublicCompositeTypeNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"][CompositeTypeName]
  : PublicCompositeTypeNameOrOptions extends keyof DefaultSchema["CompositeTypes"]
    ? DefaultSchema["CompositeTypes"][PublicCompositeTypeNameOrOptions]
    : never

export const Constants = {
  public: {
    Enums: {
      advocacy_ask_kind: [
        "quote",
        "reference",
        "case_study",
        "review",
        "referral",
        "intro_to_team",
        "internal_story",
      ],
      close_outcome: ["won", "lost"],
      communication_step_status: ["planned", "done", "cancelled"],
      influence_level: ["high", "medium", "low"],
      insight_kind: [
        "adoption_progress",
        "operational_improvement",
        "business_outcome",
        "risk_reduced",
        "new_opportunity",
      ],
      intent_signal_kind: [
        "decision_timing_known",
        "budget_owner_identified",
        "approval_path_mapped",
        "timeline_confirmed",
        "verbal_commitment",
        "procurement_engaged",
        "legal_review",
        "security_review",
        "exec_conversation_scheduled",
        "commercial_partner_engaged",
        "renewal_planning_discussed",
        "stakeholder_introduced_procurement",
        "budget_reallocated",
        "risk_raised",
        "other",
      ],
      meeting_kind: ["alignment_meeting", "executive_conversation"],
      member_role: ["csm", "manager", "admin"],
      milestone_kind: [
        "purchase_welcome",
        "kickoff",
        "onboarding_complete",
        "first_value",
        "value_block",
        "insight_shared",
        "alignment_meeting",
        "renew_grow",
      ],
      opportunity_source: [
        "reason_for_purchase",
        "onboarding_gap",
        "constraint",
        "future_need",
      ],
      opportunity_status: ["open", "won", "lost"],
      opportunity_type: [
        "renewal",
        "expansion",
        "upsell",
        "cross_sell",
        "new_team",
        "new_use_case",
      ],
      pipeline_stage: [
        "identify",
        "align",
        "advocate",
        "intent",
        "net_revenue_close",
      ],
      source_host: ["gmail", "outlook", "google-calendar"],
      stakeholder_position: [
        "sponsor",
        "supporter",
        "needs_education",
        "detractor",
        "unknown",
      ],
      stakeholder_role: [
        "executive_sponsor",
        "budget_owner",
        "approver",
        "influencer",
        "steering_committee",
        "champion_user",
        "end_user",
        "procurement",
        "legal",
        "security",
        "finance",
      ],
      use_case_status: ["active", "discussed_not_active", "adjacent_team"],
    },
  },
} as const

